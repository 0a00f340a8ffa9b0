import ArgumentParser

/// `kiosk data`: Import applications and holiday calendars into the local replica.
struct DataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Import applications and holiday calendars into the local replica."
    )

    func run() async throws {
        throw NotAvailableYet(command: "data")
    }
}
