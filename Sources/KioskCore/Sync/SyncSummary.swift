import Foundation
import GRDB

/// The sync state in one read, for the heartbeat, `kiosk doctor`, `kiosk gateway status` and the
/// maintenance screen.
package struct SyncSummary: Sendable, Equatable {
    /// The most dead-letter reasons a summary carries.
    package static let reasonLimit = 10

    /// Outbox rows neither delivered nor dead-lettered (due or waiting for a retry).
    package var outboxPending: Int
    /// Dead-lettered rows.
    package var deadLettered: Int
    /// Seconds since the oldest pending row was created; `nil` when nothing is pending.
    package var oldestPendingAgeSeconds: Int?
    /// The reasons of the oldest dead letters, at most ``reasonLimit``.
    package var deadLetterReasons: [String]
    package var replicaCursor: String?
    /// 办件 in the replica.
    package var caseFileCount: Int
    /// The last time the gateway answered (``SyncStateKey/lastContactAt``).
    package var lastContactAt: Date?

    package init(
        outboxPending: Int, deadLettered: Int, oldestPendingAgeSeconds: Int?, deadLetterReasons: [String],
        replicaCursor: String?, caseFileCount: Int, lastContactAt: Date?
    ) {
        self.outboxPending = outboxPending
        self.deadLettered = deadLettered
        self.oldestPendingAgeSeconds = oldestPendingAgeSeconds
        self.deadLetterReasons = deadLetterReasons
        self.replicaCursor = replicaCursor
        self.caseFileCount = caseFileCount
        self.lastContactAt = lastContactAt
    }
}

extension AppDatabase {
    /// The sync state at `now`, read in one transaction.
    package func syncSummary(now: Date) async throws -> SyncSummary {
        try await reader.read { db in
            let pending =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM outbox WHERE deliveredAt IS NULL AND deadLetteredAt IS NULL") ?? 0
            let oldest = try StoredTime.fetchOne(
                db,
                sql:
                    "SELECT createdAt FROM outbox WHERE deliveredAt IS NULL AND deadLetteredAt IS NULL ORDER BY id LIMIT 1"
            )
            let deadLettered =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM outbox WHERE deliveredAt IS NULL AND deadLetteredAt IS NOT NULL")
                ?? 0
            let reasons = try String.fetchAll(
                db,
                sql: """
                    SELECT COALESCE(deadLetterReason, '') FROM outbox
                    WHERE deliveredAt IS NULL AND deadLetteredAt IS NOT NULL ORDER BY id LIMIT ?
                    """, arguments: [SyncSummary.reasonLimit])
            let lastContact = try Self.syncValue(SyncStateKey.lastContactAt, db).flatMap {
                StoredTime.date(from: $0.databaseValue)
            }
            return SyncSummary(
                outboxPending: pending, deadLettered: deadLettered,
                oldestPendingAgeSeconds: oldest.map { max(0, Int(now.timeIntervalSince($0.date))) },
                deadLetterReasons: reasons, replicaCursor: try Self.syncValue(SyncStateKey.replicaCursor, db),
                caseFileCount: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM caseFile") ?? 0,
                lastContactAt: lastContact)
        }
    }
}
