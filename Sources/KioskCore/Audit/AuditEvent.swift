import Foundation
import GRDB

/// One row of the append-only audit log. The subject is always masked before it gets here.
package struct AuditEvent: Codable, Sendable, Hashable, KioskRecord, FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "auditEvent"

    package var id: Int64?
    package var time: Date
    package var terminalId: String
    /// A dotted event name, e.g. `session.started`, `mail.requested`, `admin.login`.
    package var event: String
    /// `success` or `failure` (or a short failure code).
    package var outcome: String
    /// The masked subject (masked ID number, 办件编号), never a clear personal value.
    package var subject: String?
    package var detail: String?

    package init(
        id: Int64? = nil, time: Date, terminalId: String, event: String, outcome: String,
        subject: String? = nil, detail: String? = nil
    ) {
        self.id = id
        self.time = time
        self.terminalId = terminalId
        self.event = event
        self.outcome = outcome
        self.subject = subject.map(Masking.redactingPersonalNumbers(in:))
        self.detail = detail.map(Masking.redactingPersonalNumbers(in:))
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    package enum Columns {
        package static let time = Column(CodingKeys.time)
        package static let event = Column(CodingKeys.event)
    }
}

extension AppDatabase {
    /// Appends one audit event.
    @discardableResult
    package func recordAudit(_ event: AuditEvent) async throws -> AuditEvent {
        try await writer.write { db in
            var event = event
            try event.insert(db)
            return event
        }
    }

    /// All audit events at or after `since`, oldest first.
    package func auditEvents(since: Date = .distantPast) async throws -> [AuditEvent] {
        try await reader.read { db in
            try AuditEvent.filter(AuditEvent.Columns.time >= StoredTime(since)).order(AuditEvent.Columns.time).fetchAll(
                db)
        }
    }
}
