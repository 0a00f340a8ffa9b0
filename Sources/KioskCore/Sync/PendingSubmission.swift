import Foundation
import GRDB

/// One outbox row due for delivery, with the record it carries, read together.
package struct PendingSubmission: Sendable, Equatable {
    /// The stored record behind an outbox row.
    package enum Record: Sendable, Equatable {
        case mailRequest(MailRequest)
        case evaluation(Evaluation)
    }

    /// The reason to dead-letter a row whose ``record`` is `nil`.
    package static let recordMissingReason = "record missing"

    package var entry: OutboxEntry
    /// The record, or `nil` when its row is gone: nothing can be sent, and the caller dead-letters
    /// the row with ``recordMissingReason`` (``AppDatabase/outboxBatch(now:limit:)`` only reads).
    package var record: Record?

    package init(entry: OutboxEntry, record: Record?) {
        self.entry = entry
        self.record = record
    }
}

extension AppDatabase {
    /// The most rows one batch carries (the gateway takes at most 100 items per submission).
    package static let outboxBatchLimit = 100

    /// The next batch to deliver: rows not delivered, not dead-lettered and due at `now` (never
    /// tried, or their retry time has come), oldest first, each with its record, all in one read.
    ///
    /// A dead letter never blocks the rows behind it: it is simply not selected.
    ///
    /// - Parameters:
    ///   - now: rows whose `nextAttemptAt` is later are left for a later batch.
    ///   - limit: at most this many rows, clamped to 1...``outboxBatchLimit``.
    /// - Returns: the batch; a row whose record is gone comes with `record == nil`.
    package func outboxBatch(now: Date, limit: Int = AppDatabase.outboxBatchLimit) async throws
        -> [PendingSubmission]
    {
        let limit = min(max(limit, 1), Self.outboxBatchLimit)
        return try await reader.read { db in
            let entries = try OutboxEntry.fetchAll(
                db,
                sql: """
                    SELECT * FROM outbox
                    WHERE deliveredAt IS NULL AND deadLetteredAt IS NULL
                      AND (nextAttemptAt IS NULL OR nextAttemptAt <= ?)
                    ORDER BY id LIMIT ?
                    """, arguments: [StoredTime(now), limit])
            let mailIds = entries.filter { $0.kind == .mailRequest }.map(\.recordId)
            let evaluationIds = entries.filter { $0.kind == .evaluation }.map(\.recordId)
            let mails = try MailRequest.fetchAll(db, keys: mailIds)
            let evaluations = try Evaluation.fetchAll(db, keys: evaluationIds)
            var mailById: [Int64: MailRequest] = [:]
            for mail in mails { if let id = mail.id { mailById[id] = mail } }
            var evaluationById: [Int64: Evaluation] = [:]
            for evaluation in evaluations { if let id = evaluation.id { evaluationById[id] = evaluation } }
            return entries.map { entry in
                let record: PendingSubmission.Record? =
                    switch entry.kind {
                    case .mailRequest: mailById[entry.recordId].map(PendingSubmission.Record.mailRequest)
                    case .evaluation: evaluationById[entry.recordId].map(PendingSubmission.Record.evaluation)
                    }
                return PendingSubmission(entry: entry, record: record)
            }
        }
    }
}
