import ArgumentParser

/// `kiosk audit`: work with the append-only audit log (rule R6).
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Export the append-only audit log.",
        subcommands: [AuditExportCommand.self]
    )
}
