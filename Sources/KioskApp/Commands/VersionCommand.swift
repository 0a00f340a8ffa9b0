import ArgumentParser

/// `kiosk version`: Print the kiosk's version.
struct VersionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the kiosk's version."
    )

    func run() async throws {
        throw NotAvailableYet(command: "version")
    }
}
