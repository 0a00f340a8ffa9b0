import Foundation
import KioskProtocol
import Logging
import PostgresNIO

/// Appends to the change feed in the caller's transaction (docs/gateway.md, "Delivery semantics").
///
/// The row's `xid` is the writing transaction's id and `seq` its order inside it; a reader
/// delivers it only once every transaction that could precede it has ended.
struct FeedWriter: Sendable {
    let logger: Logger

    /// The next entity version (`nextval('change_seq')`), to store in the entity row and the change.
    func nextVersion(on connection: PostgresConnection) async throws -> Int64 {
        let rows = try await connection.rows("SELECT nextval('change_seq')", logger: logger)
        return try rows[0].decode(Int64.self)
    }

    /// Appends one change with `version` (from ``nextVersion(on:)``, stored in the entity row too).
    /// `record` is the entity's JSON text (nil for a delete); scope: a region (matched by its first
    /// four digits), one device, or nobody in particular (both nil: every device).
    func append(
        entity: Change.Entity, key: String, op: Change.Operation, version: Int64, scopeRegion: String?,
        scopeDevice: String?, record: String?, on connection: PostgresConnection
    ) async throws {
        _ = try await connection.rows(
            """
            INSERT INTO change_log (entity, key, op, version, scope_region, scope_device, record)
            VALUES (\(entity.rawValue), \(key), \(op.rawValue), \(version), \(scopeRegion), \(scopeDevice),
                \(record)::jsonb)
            """, logger: logger)
    }
}
