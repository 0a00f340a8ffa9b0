import ArgumentParser

/// `kiosk demo`: Run the kiosk with simulated devices, demo data and previewed receipts.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the kiosk with simulated devices, demo data and previewed receipts."
    )

    func run() async throws {
        throw NotAvailableYet(command: "demo")
    }
}
