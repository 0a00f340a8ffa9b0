import ArgumentParser
import KioskDevices

/// Options shared by the `kiosk printer` subcommands: which queue on which cupsd, and the profile.
struct PrinterOptions: ParsableArguments {
    @Option(help: "The CUPS queue of the receipt printer.")
    var queue: String?

    @Option(help: "The cupsd as host:port or a socket path (default: CUPS_SERVER, then the system's).")
    var server: String?

    @Option(help: "The printer profile: 58mm or 80mm.")
    var profile: String = "58mm"

    /// The chosen built-in profile.
    func printerProfile() throws -> PrinterProfile {
        guard let profile = PrinterProfile.named(profile) else {
            throw ValidationError("unknown profile '\(profile)'; use 58mm or 80mm")
        }
        return profile
    }
}
