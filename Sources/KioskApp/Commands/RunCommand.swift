import ArgumentParser

/// `kiosk run`: Run the kiosk in production (config from /etc/kiosk/kiosk.toml or --config).
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the kiosk in production (config from /etc/kiosk/kiosk.toml or --config)."
    )

    func run() async throws {
        throw NotAvailableYet(command: "run")
    }
}
