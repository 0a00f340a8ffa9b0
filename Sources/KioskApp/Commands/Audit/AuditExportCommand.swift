import ArgumentParser
import Foundation
import KioskCore

/// `kiosk audit export [--since DATE] [--format csv|json] [--output FILE]`: writes the audit
/// log for an auditor. The file is created with mode 0600; the export itself is audited.
struct AuditExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the audit log as CSV or JSON (file mode 0600); the export is itself audited."
    )

    @OptionGroup var state: StateOptions

    @Option(help: SinceArgument.help("events"))
    var since: SinceArgument?

    @Option(help: "csv or json.")
    var format: AuditExportFormat = .csv

    @Option(help: "Write to this file (created with mode 0600) instead of standard output.")
    var output: String?

    @Flag(help: "Replace an existing output file (it is removed first, so its permissions are not kept).")
    var force = false

    @Option(help: "Terminal id recorded in the export's own audit event (default: the host name).")
    var terminalId: String?

    func run() async throws {
        let database = try state.openDatabase()
        let since = since?.date ?? .distantPast
        let events = try await database.auditEvents(since: since)
        let data = try AuditExport.render(events, format: format)
        try StaffExport.emit(data, count: events.count, noun: "audit events", output: output, force: force)
        try await database.recordAudit(
            AuditEvent(
                time: Date(), terminalId: terminalId ?? ProcessInfo.processInfo.hostName, event: "audit.exported",
                outcome: "success", subject: nil,
                detail: "rows=\(events.count) format=\(format.rawValue) since=\(self.since?.text ?? "-")"))
    }
}

extension AuditExportFormat: ExpressibleByArgument {}
