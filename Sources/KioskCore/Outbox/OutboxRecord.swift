import Foundation
import GRDB

/// A citizen submission the outbox sends upstream: stored once per idempotency key, together with
/// its outbox row in the same transaction.
protocol OutboxRecord: FetchableRecord, MutablePersistableRecord {
    /// The row id, set once stored.
    var id: Int64? { get }
    /// The key that makes a retried submission the same one (column `idempotencyKey`).
    var idempotencyKey: String { get }
    /// The outbox's kind for this record.
    static var outboxKind: OutboxEntry.Kind { get }
}

extension OutboxRecord {
    /// The stored record with `idempotencyKey`, if any.
    static func stored(idempotencyKey: String, in db: Database) throws -> Self? {
        try filter(Column("idempotencyKey") == idempotencyKey).fetchOne(db)
    }

    /// Inserts this record and its outbox row (created at `time`) and returns the stored record.
    func insertWithOutboxEntry(_ db: Database, createdAt time: Date) throws -> Self {
        var stored = self
        try stored.insert(db)
        var outbox = OutboxEntry(
            kind: Self.outboxKind, recordId: stored.id!, idempotencyKey: stored.idempotencyKey, createdAt: time)
        try outbox.insert(db)
        return stored
    }
}

extension Evaluation: OutboxRecord {
    static let outboxKind = OutboxEntry.Kind.evaluation
}

extension MailRequest: OutboxRecord {
    static let outboxKind = OutboxEntry.Kind.mailRequest
}
