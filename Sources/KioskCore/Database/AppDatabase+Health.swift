import Foundation
import GRDB

extension AppDatabase {
    /// Commits one tiny write, so a full disk or an I/O error shows up here first.
    ///
    /// - Throws: the SQLite error (`SQLITE_FULL`, `SQLITE_IOERR`, …) when the database cannot commit.
    package func probeWrite(now: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql:
                    "INSERT INTO healthProbe (id, checkedAt) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET checkedAt = excluded.checkedAt",
                arguments: [StoredTime(now)])
        }
    }
}
