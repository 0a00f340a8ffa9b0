import Foundation
import GRDB

/// A confirmed request waiting to be delivered upstream by the sync service.
///
/// Written in the same transaction as the record it refers to, so a committed request always has
/// exactly one outbox row, and a crash never leaves one without the other.
package struct OutboxEntry: Codable, Sendable, Equatable, KioskRecord, FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "outbox"

    /// What the row carries.
    package enum Kind: String, Codable, Sendable {
        case mailRequest
        case evaluation
    }

    package var id: Int64?
    package var kind: Kind
    /// The `id` of the ``MailRequest`` or ``Evaluation``.
    package var recordId: Int64
    /// Sent upstream with the request so a retried delivery is applied once.
    package var idempotencyKey: String
    package var createdAt: Date
    package var attempts: Int
    package var nextAttemptAt: Date?
    package var lastError: String?
    package var deliveredAt: Date?
    /// When the gateway refused the row for good (`keyReused`, `rejected`); a dead letter is kept,
    /// shown to staff and never retried by itself.
    package var deadLetteredAt: Date?
    /// Why it was refused (personal numbers masked).
    package var deadLetterReason: String?
    /// The gateway's id for the delivered submission.
    package var submissionId: String?

    package init(kind: Kind, recordId: Int64, idempotencyKey: String, createdAt: Date) {
        self.kind = kind
        self.recordId = recordId
        self.idempotencyKey = idempotencyKey
        self.createdAt = createdAt
        self.attempts = 0
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    package enum Columns {
        package static let id = Column(CodingKeys.id)
        package static let deliveredAt = Column(CodingKeys.deliveredAt)
        package static let nextAttemptAt = Column(CodingKeys.nextAttemptAt)
        package static let deadLetteredAt = Column(CodingKeys.deadLetteredAt)
        package static let idempotencyKey = Column(CodingKeys.idempotencyKey)
    }
}

extension AppDatabase {
    /// Undelivered rows due at `now` (never tried, or their retry time has come), oldest first;
    /// dead letters are never due.
    package func pendingOutbox(now: Date, limit: Int = 50) async throws -> [OutboxEntry] {
        try await reader.read { db in
            try OutboxEntry
                .filter(OutboxEntry.Columns.deliveredAt == nil)
                .filter(OutboxEntry.Columns.deadLetteredAt == nil)
                .filter(
                    OutboxEntry.Columns.nextAttemptAt == nil || OutboxEntry.Columns.nextAttemptAt <= StoredTime(now)
                )
                .order(OutboxEntry.Columns.id)
                .limit(limit)
                .fetchAll(db)
        }
    }

    /// Marks a row delivered (the upstream system acknowledged its idempotency key).
    package func markOutboxDelivered(id: Int64, at time: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE outbox SET deliveredAt = ?, lastError = NULL WHERE id = ?",
                arguments: [StoredTime(time), id])
        }
    }

    /// Records a failed attempt and when to retry (the sync service computes the backoff).
    package func markOutboxFailed(id: Int64, error: String, retryAt: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE outbox SET attempts = attempts + 1, lastError = ?, nextAttemptAt = ? WHERE id = ?",
                arguments: [Masking.redactingPersonalNumbers(in: error), StoredTime(retryAt), id])
        }
    }

    /// Every outbox row, oldest first (inspection, tests, staff tools).
    package func outboxEntries() async throws -> [OutboxEntry] {
        try await reader.read { db in try OutboxEntry.order(OutboxEntry.Columns.id).fetchAll(db) }
    }
}
