import Foundation
import GRDB

/// Writes replica changes, inside the caller's transaction, into the live tables (a page of the
/// change feed) or into the snapshot's shadow tables.
struct ReplicaWriter {
    /// Where 办件 and service items go.
    enum Target {
        /// `caseFile`, `serviceItem`, with tombstones.
        case live
        /// `caseFile_shadow`, `serviceItem_shadow`; upserts only, no tombstones.
        case shadow
    }

    /// The live tables a snapshot rebuilds, each with its primary key column.
    static let replicatedTables = [("caseFile", "number"), ("serviceItem", "code")]

    /// The shadow of a live table.
    static func shadowTable(of table: String) -> String { table + "_shadow" }

    let target: Target

    /// Applies `changes` in order and counts what each did.
    ///
    /// - Throws: ``ReplicaError`` for an upsert whose record does not match its entity and key, or
    ///   any database error; the caller's transaction then rolls back.
    func apply(_ changes: [ReplicaChange], _ db: Database) throws -> ReplicaApplyReport {
        var report = ReplicaApplyReport()
        for change in changes {
            switch (change.entity, change.operation) {
            case (.calendar, _), (.mailStatus, .delete):
                report.unsupported += 1
            case (.mailStatus, .upsert(let record)):
                guard case .mailStatus(let update) = record else { throw ReplicaError.mismatchedRecord(change) }
                try applyMailStatus(update, change: change, db, report: &report)
            case (.caseFile, .upsert(let record)):
                guard case .caseFile(let caseFile) = record, caseFile.number == change.key else {
                    throw ReplicaError.mismatchedRecord(change)
                }
                try upsert(caseFile, table: "caseFile", keyColumn: "number", change: change, db, report: &report)
            case (.serviceItem, .upsert(let record)):
                guard case .serviceItem(let item) = record, item.code == change.key else {
                    throw ReplicaError.mismatchedRecord(change)
                }
                try upsert(item, table: "serviceItem", keyColumn: "code", change: change, db, report: &report)
            case (.caseFile, .delete):
                try delete(table: "caseFile", keyColumn: "number", change: change, db, report: &report)
            case (.serviceItem, .delete):
                try delete(table: "serviceItem", keyColumn: "code", change: change, db, report: &report)
            }
        }
        return report
    }

    private func tableName(_ table: String) -> String {
        switch target {
        case .live: table
        case .shadow: Self.shadowTable(of: table)
        }
    }

    /// The newest version this kiosk holds for the change's record: its row's or its tombstone's.
    private func storedVersion(table: String, keyColumn: String, change: ReplicaChange, _ db: Database) throws
        -> Int64?
    {
        let rowVersion = try Int64.fetchOne(
            db.cachedStatement(
                sql: "SELECT version FROM \(tableName(table).quotedDatabaseIdentifier) WHERE \(keyColumn) = ?"),
            arguments: [change.key])
        guard target == .live else { return rowVersion }
        let tombstone = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT version FROM replicaTombstone WHERE entity = ? AND key = ?"),
            arguments: [change.entity.rawValue, change.key])
        return [rowVersion, tombstone].compactMap { $0 }.max()
    }

    private func upsert(
        _ record: some EncodableRecord, table: String, keyColumn: String, change: ReplicaChange, _ db: Database,
        report: inout ReplicaApplyReport
    ) throws {
        if let stored = try storedVersion(table: table, keyColumn: keyColumn, change: change, db),
            stored >= change.version
        {
            report.skippedStale += 1
            return
        }
        var values = try record.databaseDictionary
        values["version"] = change.version.databaseValue
        let columns = values.keys.sorted()
        let sql =
            "INSERT OR REPLACE INTO \(tableName(table).quotedDatabaseIdentifier) ("
            + columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ") + ") VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(columns.map { values[$0] ?? .null }))
        if target == .live {
            try db.execute(
                sql: "DELETE FROM replicaTombstone WHERE entity = ? AND key = ?",
                arguments: [change.entity.rawValue, change.key])
        }
        report.applied += 1
    }

    private func delete(
        table: String, keyColumn: String, change: ReplicaChange, _ db: Database, report: inout ReplicaApplyReport
    ) throws {
        // A snapshot holds only what exists; a delete in it has nothing to do.
        guard target == .live else {
            report.unsupported += 1
            return
        }
        if let stored = try storedVersion(table: table, keyColumn: keyColumn, change: change, db),
            stored >= change.version
        {
            report.skippedStale += 1
            return
        }
        try db.execute(
            sql: "DELETE FROM \(table.quotedDatabaseIdentifier) WHERE \(keyColumn) = ?", arguments: [change.key])
        try db.execute(
            sql: "INSERT OR REPLACE INTO replicaTombstone (entity, key, version) VALUES (?, ?, ?)",
            arguments: [change.entity.rawValue, change.key, change.version])
        report.applied += 1
    }

    /// Updates this device's own request (by idempotency key) from the gateway: status, waybill
    /// (kept when the update has none) and, once 已签收, `deliveredAt` for the retention purge.
    private func applyMailStatus(
        _ update: MailStatusUpdate, change: ReplicaChange, _ db: Database, report: inout ReplicaApplyReport
    ) throws {
        guard
            let stored = try Int64.fetchOne(
                db, sql: "SELECT statusVersion FROM mailRequest WHERE idempotencyKey = ?", arguments: [change.key])
        else {
            report.unknown += 1
            return
        }
        guard stored < change.version else {
            report.skippedStale += 1
            return
        }
        let time = StoredTime(update.updatedAt)
        try db.execute(
            sql: """
                UPDATE mailRequest
                SET status = ?1, waybillNumber = COALESCE(?2, waybillNumber), updatedAt = ?3, statusVersion = ?4,
                    deliveredAt = CASE WHEN ?1 = 'delivered' THEN COALESCE(deliveredAt, ?3) ELSE deliveredAt END
                WHERE idempotencyKey = ?5
                """,
            arguments: [update.status.rawValue, update.waybillNumber, time, change.version, change.key])
        report.applied += 1
    }
}
