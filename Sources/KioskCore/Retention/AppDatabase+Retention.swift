import Foundation
import GRDB

extension AppDatabase {
    /// The job name of the audit purge in reports and in the audit log.
    package static let auditPurgeJobName = "audit"

    /// Deletes audit events older than `cutoff`, in ONE transaction: open the purge gate
    /// (the delete trigger of migration v1-audit refuses deletes otherwise), delete, close the
    /// gate, and append an audit event about the purge itself. Either all of it happens or
    /// none, so the gate is never left open.
    ///
    /// - Parameters:
    ///   - cutoff: rows with `time < cutoff` go.
    ///   - now: the time stamp of the purge's own audit event.
    ///   - terminalId: this kiosk's id, for that event.
    /// - Returns: the number of rows deleted.
    @discardableResult
    package func purgeAuditEvents(before cutoff: Date, now: Date, terminalId: String) async throws -> Int {
        try await writer.write { db in
            try db.execute(sql: "INSERT INTO auditPurgeGate (open) VALUES (1)")
            try db.execute(sql: "DELETE FROM auditEvent WHERE time < ?", arguments: [StoredTime(cutoff)])
            let deleted = db.changesCount
            try db.execute(sql: "DELETE FROM auditPurgeGate")
            var record = AuditEvent(
                time: now, terminalId: terminalId, event: "retention.purged", outcome: "success",
                subject: Self.auditPurgeJobName,
                detail: "deleted=\(deleted) before=\(StoredTime.iso8601(cutoff))")
            try record.insert(db)
            return deleted
        }
    }
}
