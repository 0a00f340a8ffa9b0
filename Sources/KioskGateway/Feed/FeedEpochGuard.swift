import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle

/// Gives the change feed a new epoch after the database was restored (docs/deployment.md §13.8).
///
/// Feed positions are the cluster's transaction ids. A dump restored into another cluster keeps
/// `change_log.xid` and the epoch but not the id counter, so new changes would get ids *below* the
/// kiosks' cursors and never be delivered, silently. A row (or the pruning horizon) at or above the
/// cluster's next transaction id cannot have been written by this cluster: that is a restore, and
/// `serve` rotates the epoch before it answers anyone. Every kiosk's cursor is then "from another
/// feed epoch" (410) and it rebuilds from the snapshot. `kiosk-gateway feed new-epoch` does the
/// same by hand after a restore the check cannot see (PITR, into the same cluster).
struct FeedEpochGuard: Sendable {
    let database: GatewayDatabase

    /// Rotates the epoch when the feed holds positions from another cluster; `true` when it did.
    /// Two replicas starting at once rotate it once (the epoch row is locked, then checked again).
    func rotateIfRestored() async throws -> Bool {
        try await database.transaction { connection in
            _ = try await connection.rows("SELECT epoch FROM feed_epoch FOR UPDATE", logger: database.logger)
            let rows = try await connection.rows(
                """
                SELECT EXISTS (SELECT 1 FROM change_log WHERE xid >= pg_snapshot_xmax(pg_current_snapshot()))
                    OR (SELECT horizon_xid FROM feed_epoch) >= pg_snapshot_xmax(pg_current_snapshot())
                """, logger: database.logger)
            guard try rows[0].decode(Bool.self) else { return false }
            try await rotate(on: connection, actor: "kiosk-gateway", reason: "feed positions from another cluster")
            return true
        }
    }

    /// Rotates the epoch unconditionally (`feed new-epoch`).
    func rotate(actor: String, reason: String) async throws {
        try await database.transaction { connection in
            try await rotate(on: connection, actor: actor, reason: reason)
        }
    }

    /// A new epoch, the horizon back to the start, and the stored rows behind every new cursor
    /// (they are in the snapshot already; their versions stay, the pruner removes them in time).
    private func rotate(on connection: PostgresConnection, actor: String, reason: String) async throws {
        _ = try await connection.rows(
            """
            UPDATE feed_epoch SET epoch = gen_random_uuid(), horizon_xid = '0', horizon_seq = 0, horizon = now()
            """, logger: database.logger)
        _ = try await connection.rows("UPDATE change_log SET xid = '0' WHERE xid <> '0'", logger: database.logger)
        _ = try await connection.rows(
            "INSERT INTO audit_log (actor, action, detail) VALUES (\(actor), 'feed.new-epoch', \(reason))",
            logger: database.logger)
    }
}

/// Runs ``FeedEpochGuard/rotateIfRestored()`` once the database answers (retrying every 5 s), then
/// idles until shutdown. Cursors handed out before a rotation are worthless after it, so a kiosk
/// served in between loses nothing: it gets 410 and rebuilds.
struct FeedEpochGuardService: Service {
    let `guard`: FeedEpochGuard
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                if try await `guard`.rotateIfRestored() {
                    logger.error(
                        "the change feed held transaction ids from another cluster (a restored dump): new feed epoch, every kiosk rebuilds from the snapshot"
                    )
                }
                break
            } catch {
                logger.warning("feed epoch check failed; retrying in 5 s", metadata: ["error": "\(error)"])
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(5)) }
            }
        }
        try? await gracefulShutdown()
    }
}
