import Foundation
import KioskProtocol
import NIOCore
import PostgresNIO

/// Reads the change feed for one device (docs/gateway.md, "Delivery semantics").
///
/// A page holds the rows strictly after the cursor's `(xid, seq)` whose transaction is older than
/// the oldest transaction still running (`xid < pg_snapshot_xmin(pg_current_snapshot())`): a
/// transaction that commits late has a smaller xid than rows already visible, so the reader waits
/// for it instead of moving past it. Rows are in the device's scope: its own (`scope_device`),
/// everyone's (no scope) or its city's (the first four digits of `scope_region`).
struct FeedReader: Sendable {
    let database: GatewayDatabase

    /// The default and largest page sizes of `GET /v1/device/changes`.
    static let defaultLimit = 500
    static let maximumLimit = 1000

    /// The page after `token` (`nil`: from the start of the feed).
    ///
    /// - Throws: ``FeedCursorGone`` for a cursor of another epoch, unparsable, or behind the horizon.
    func page(after token: String?, deviceId: String, limit: Int) async throws -> ChangePage {
        let epoch = try await currentEpoch()
        let cursor: FeedCursor
        if let token, !token.isEmpty {
            guard let parsed = FeedCursor(token: token) else { throw FeedCursorGone(reason: "unparsable cursor") }
            guard parsed.epoch == epoch.id else { throw FeedCursorGone(reason: "cursor from another feed epoch") }
            cursor = parsed
        } else {
            cursor = FeedCursor(epoch: epoch.id, xid: 0, seq: 0)
        }
        guard !cursor.isBefore(xid: epoch.horizonXid, seq: epoch.horizonSeq) else {
            throw FeedCursorGone(reason: "cursor older than the feed's retention; rebuild from the snapshot")
        }
        let rows = try await database.rows(
            """
            SELECT c.xid::text, c.seq, c.entity, c.key, c.op, c.version, c.record::text
            FROM change_log c, device d, feed_epoch e
            WHERE d.id = \(deviceId)
              AND (c.xid, c.seq) > (\(String(cursor.xid))::xid8, \(cursor.seq))
              AND (\(String(cursor.xid))::xid8, \(cursor.seq)) >= (e.horizon_xid, e.horizon_seq)
              AND c.xid < pg_snapshot_xmin(pg_current_snapshot())
              AND (c.scope_device = d.id OR (c.scope_region IS NULL AND c.scope_device IS NULL)
                   OR left(c.scope_region, 4) = left(d.region_code, 4))
            ORDER BY c.xid, c.seq
            LIMIT \(limit + 1)
            """)
        var changes: [Change] = []
        var last = cursor
        for row in rows.prefix(limit) {
            let (xid, seq, entity, key, op, version, record) = try row.decode(
                (String, Int64, String, String, String, Int64, String?).self)
            changes.append(try Self.change(entity: entity, key: key, op: op, version: version, record: record))
            last = FeedCursor(epoch: epoch.id, xid: UInt64(xid) ?? 0, seq: seq)
        }
        return ChangePage(changes: changes, nextCursor: last.token, hasMore: rows.count > limit)
    }

    /// The feed's epoch and pruning horizon.
    func currentEpoch() async throws -> (id: UUID, horizonXid: UInt64, horizonSeq: Int64) {
        let rows = try await database.rows("SELECT epoch, horizon_xid::text, horizon_seq FROM feed_epoch")
        let (id, xid, seq) = try rows[0].decode((UUID, String, Int64).self)
        return (id, UInt64(xid) ?? 0, seq)
    }

    static func change(entity: String, key: String, op: String, version: Int64, record: String?) throws -> Change {
        guard let entity = Change.Entity(rawValue: entity), let op = Change.Operation(rawValue: op) else {
            throw FeedRowError(description: "change_log holds an unknown entity \(entity) or op \(op)")
        }
        return Change(
            entity: entity, op: op, key: key, version: version,
            record: record.map { JSONDocument(json: Data($0.utf8)) })
    }
}

/// A cursor (or snapshot page token) the feed cannot continue: answered 410 with ``CursorGone``.
struct FeedCursorGone: Error, Sendable, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}

/// A change_log row the protocol cannot express (a database written by a newer gateway).
struct FeedRowError: Error, Sendable, CustomStringConvertible {
    let description: String
}
