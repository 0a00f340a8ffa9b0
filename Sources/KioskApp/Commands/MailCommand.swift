import ArgumentParser

/// `kiosk mail`: List, export and mark the free mail-delivery requests (staff).
struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail",
        abstract: "List, export and mark the free mail-delivery requests (staff)."
    )

    func run() async throws {
        throw NotAvailableYet(command: "mail")
    }
}
