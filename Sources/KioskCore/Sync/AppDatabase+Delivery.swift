import Foundation
import GRDB

extension AppDatabase {
    /// Records the results of one delivery, all in ONE write transaction.
    ///
    /// - ``OutboxOutcome/Result/delivered(submissionId:)``: `deliveredAt` and `submissionId` are
    ///   set and `lastError` cleared.
    /// - ``OutboxOutcome/Result/deadLetter(reason:)``: `deadLetteredAt` and the reason (personal
    ///   numbers masked) are set; the row is kept and ``outboxBatch(now:limit:)`` no longer returns it.
    /// - ``OutboxOutcome/Result/retry(error:retryAt:)``: `attempts` goes up by one, `lastError`
    ///   (masked) and `nextAttemptAt` are set.
    ///
    /// A row already delivered is left as it is (a late answer never undoes a delivery); unknown ids
    /// are ignored.
    ///
    /// - Returns: the number of rows changed.
    @discardableResult
    package func recordDelivery(_ outcomes: [OutboxOutcome], at time: Date) async throws -> Int {
        try await writer.write { db in
            var changed = 0
            for outcome in outcomes {
                switch outcome.result {
                case .delivered(let submissionId):
                    try db.execute(
                        sql: """
                            UPDATE outbox SET deliveredAt = ?, submissionId = ?, lastError = NULL
                            WHERE id = ? AND deliveredAt IS NULL
                            """, arguments: [StoredTime(time), submissionId, outcome.outboxId])
                case .deadLetter(let reason):
                    try db.execute(
                        sql: """
                            UPDATE outbox SET deadLetteredAt = ?, deadLetterReason = ?
                            WHERE id = ? AND deliveredAt IS NULL
                            """,
                        arguments: [StoredTime(time), Masking.redactingPersonalNumbers(in: reason), outcome.outboxId])
                case .retry(let error, let retryAt):
                    try db.execute(
                        sql: """
                            UPDATE outbox SET attempts = attempts + 1, lastError = ?, nextAttemptAt = ?
                            WHERE id = ? AND deliveredAt IS NULL
                            """,
                        arguments: [Masking.redactingPersonalNumbers(in: error), StoredTime(retryAt), outcome.outboxId])
                }
                changed += db.changesCount
            }
            return changed
        }
    }

    /// Every dead-lettered row, oldest first (maintenance, `kiosk doctor`, the heartbeat).
    package func deadLetters() async throws -> [OutboxEntry] {
        try await reader.read { db in
            try OutboxEntry.filter(OutboxEntry.Columns.deadLetteredAt != nil)
                .filter(OutboxEntry.Columns.deliveredAt == nil)
                .order(OutboxEntry.Columns.id).fetchAll(db)
        }
    }

    /// Puts a dead letter back in the queue (a staff action, after fixing the cause): the dead-letter
    /// columns and the retry time are cleared, so the next batch picks it up again.
    ///
    /// - Returns: `false` when `id` is not a dead letter.
    @discardableResult
    package func requeueDeadLetter(id: Int64) async throws -> Bool {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET deadLetteredAt = NULL, deadLetterReason = NULL, nextAttemptAt = NULL
                    WHERE id = ? AND deadLetteredAt IS NOT NULL AND deliveredAt IS NULL
                    """, arguments: [id])
            return db.changesCount > 0
        }
    }
}
