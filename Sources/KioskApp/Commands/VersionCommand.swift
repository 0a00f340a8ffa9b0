import ArgumentParser
import KioskCore

/// `kiosk version`: prints the kiosk's version.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the kiosk's version."
    )

    func run() {
        print("kiosk \(KioskVersion.current)")
    }
}
