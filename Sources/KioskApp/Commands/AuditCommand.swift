import ArgumentParser

/// `kiosk audit`: Export the append-only audit log.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Export the append-only audit log."
    )

    func run() async throws {
        throw NotAvailableYet(command: "audit")
    }
}
