import Foundation
import GRDB

/// Rebuilding the replica from the gateway's snapshot (after a 410 on the change feed).
///
/// The pages go into shadow tables (`caseFile_shadow`, `serviceItem_shadow`) while every lookup
/// keeps reading the live tables; ``AppDatabase/finishSnapshot(cursor:at:)`` then swaps the rows in
/// one transaction. A crash in between leaves the live tables untouched: begin again.
extension AppDatabase {
    /// Starts a snapshot: creates the shadow tables empty (dropping any left by an interrupted one).
    ///
    /// The shadows copy the live tables' columns (`CREATE TABLE … AS SELECT … WHERE 0`, which keeps
    /// names and order but no constraints) and get a unique index on the key, so an upsert replaces.
    package func beginSnapshot() async throws {
        try await writer.write { db in
            for (table, key) in ReplicaWriter.replicatedTables {
                let shadow = ReplicaWriter.shadowTable(of: table).quotedDatabaseIdentifier
                try db.execute(sql: "DROP TABLE IF EXISTS \(shadow)")
                try db.execute(sql: "CREATE TABLE \(shadow) AS SELECT * FROM \(table.quotedDatabaseIdentifier) WHERE 0")
                try db.execute(
                    sql:
                        "CREATE UNIQUE INDEX \((ReplicaWriter.shadowTable(of: table) + "Key").quotedDatabaseIdentifier) "
                        + "ON \(shadow) (\(key.quotedDatabaseIdentifier))")
            }
        }
    }

    /// Stores one snapshot page in the shadow tables (upserts; deletes and calendars are counted as
    /// unsupported). Mail statuses update this device's requests directly.
    ///
    /// - Throws: ``ReplicaError/isNoSnapshot`` without ``beginSnapshot()``, ``ReplicaError`` for a
    ///   mismatched record, or a database error; nothing of the page is stored then.
    @discardableResult
    package func applySnapshotPage(_ changes: [ReplicaChange]) async throws -> ReplicaApplyReport {
        try await writer.write { db in
            try Self.requireSnapshot(db)
            return try ReplicaWriter(target: .shadow).apply(changes, db)
        }
    }

    /// Ends a snapshot in ONE transaction: the live rows are replaced by the shadow rows
    /// (`DELETE` + `INSERT … SELECT`, so the live tables keep their indexes and lookups answer from
    /// the old rows until the commit), tombstones are cleared, `cursor` is stored and the shadow
    /// tables are dropped.
    ///
    /// - Returns: the number of 办件 in the replica now.
    /// - Throws: ``ReplicaError/isNoSnapshot`` without ``beginSnapshot()``.
    @discardableResult
    package func finishSnapshot(cursor: String, at time: Date = Date()) async throws -> Int {
        try await writer.write { db in
            try Self.requireSnapshot(db)
            for (table, _) in ReplicaWriter.replicatedTables {
                let live = table.quotedDatabaseIdentifier
                let shadow = ReplicaWriter.shadowTable(of: table).quotedDatabaseIdentifier
                let columns = try db.columns(in: table).map(\.name.quotedDatabaseIdentifier).joined(separator: ", ")
                try db.execute(sql: "DELETE FROM \(live)")
                try db.execute(sql: "INSERT INTO \(live) (\(columns)) SELECT \(columns) FROM \(shadow)")
                try db.execute(sql: "DROP TABLE \(shadow)")
            }
            try db.execute(sql: "DELETE FROM replicaTombstone")
            try Self.setSyncValue(SyncStateKey.replicaCursor, cursor, at: time, db)
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM caseFile") ?? 0
        }
    }

    /// `true` between ``beginSnapshot()`` and ``finishSnapshot(cursor:at:)``.
    package func isSnapshotInProgress() async throws -> Bool {
        try await reader.read { db in try db.tableExists(ReplicaWriter.shadowTable(of: "caseFile")) }
    }

    private static func requireSnapshot(_ db: Database) throws {
        for (table, _) in ReplicaWriter.replicatedTables where try !db.tableExists(ReplicaWriter.shadowTable(of: table))
        {
            throw ReplicaError.noSnapshot
        }
    }
}
