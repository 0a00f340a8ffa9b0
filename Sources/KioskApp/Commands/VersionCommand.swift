import ArgumentParser

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

/// The version of this build.
enum KioskVersion {
    static let current = "0.1.0"
}
