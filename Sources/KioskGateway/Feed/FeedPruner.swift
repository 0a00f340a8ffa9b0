import Foundation
import PostgresNIO

/// Deletes change-log rows older than `feed.retention_days` and moves the feed's horizon to the
/// newest pruned position, so a cursor behind it is answered 410 instead of skipping rows.
struct FeedPruner: Sendable {
    let database: GatewayDatabase
    let retentionDays: Int

    /// Prunes once; returns the number of rows deleted. Only rows of ended transactions are
    /// touched (`xid` behind the snapshot's xmin), in one statement, so replicas may run it at once.
    @discardableResult
    func prune() async throws -> Int {
        let rows = try await database.rows(
            """
            WITH pruned AS (
                DELETE FROM change_log
                WHERE committed_at < now() - make_interval(days => \(retentionDays)::integer)
                  AND xid < pg_snapshot_xmin(pg_current_snapshot())
                RETURNING xid, seq
            ), newest AS (
                SELECT xid, seq FROM pruned ORDER BY xid DESC, seq DESC LIMIT 1
            ), moved AS (
                UPDATE feed_epoch e SET horizon_xid = newest.xid, horizon_seq = newest.seq, horizon = now()
                FROM newest WHERE (newest.xid, newest.seq) > (e.horizon_xid, e.horizon_seq)
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM pruned), (SELECT count(*) FROM moved)
            """)
        return Int(try rows[0].decode((Int64, Int64).self).0)
    }
}
