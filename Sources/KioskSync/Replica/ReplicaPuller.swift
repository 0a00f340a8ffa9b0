import Foundation
import KioskCore
import KioskProtocol
import Logging

/// Keeps the kiosk's replica current: pulls pages of changes and applies each page together with
/// its cursor in one SQLite transaction; on 410 rebuilds from the snapshot into shadow tables that
/// are swapped in one transaction, so lookups answer throughout.
package struct ReplicaPuller: Sendable {
    package let database: AppDatabase
    package let client: GatewayClient
    package let logger: Logger
    /// Changes asked for per page.
    package var pageSize = 500

    package init(database: AppDatabase, client: GatewayClient, logger: Logger) {
        self.database = database
        self.client = client
        self.logger = logger
    }

    /// What one pull did.
    package struct Round: Sendable, Equatable {
        package var pages = 0
        package var applied = 0
        package var skipped = 0
        package var rebuilt = false
    }

    /// Pulls until the gateway has nothing more (or `maximumPages` pages were applied).
    package func pull(now: @Sendable () -> Date, maximumPages: Int = 100) async throws -> Round {
        var round = Round()
        while round.pages < maximumPages {
            let cursor = try await database.replicaCursor()
            guard let page = try await client.changes(cursor: cursor, limit: pageSize) else {
                logger.notice("replica cursor no longer valid (410): rebuilding from the snapshot")
                try await rebuild(now: now)
                round.rebuilt = true
                continue
            }
            let changes = decode(page.changes)
            let report = try await database.applyChanges(changes, cursor: page.nextCursor, at: now())
            round.pages += 1
            round.applied += report.applied
            round.skipped += report.skippedStale
            if !page.hasMore { break }
        }
        return round
    }

    /// Rebuilds the replica from `/v1/device/snapshot` (shadow tables, one swap).
    package func rebuild(now: @Sendable () -> Date) async throws {
        try await database.beginSnapshot()
        var page: String?
        repeat {
            let snapshot = try await client.snapshot(page: page)
            try await database.applySnapshotPage(decode(snapshot.records))
            if let cursor = snapshot.cursor, snapshot.nextPage == nil {
                try await database.finishSnapshot(cursor: cursor, at: now())
                return
            }
            page = snapshot.nextPage
        } while page != nil
        throw SyncError.protocolViolation("the snapshot's last page carried no cursor")
    }

    private func decode(_ changes: [Change]) -> [ReplicaChange] {
        changes.compactMap { change in
            do { return try ReplicaDecoding.replicaChange(change) } catch {
                // Skipping keeps the feed moving; the record is logged without its content.
                logger.error("replica change not applied: \(error)")
                return nil
            }
        }
    }
}
