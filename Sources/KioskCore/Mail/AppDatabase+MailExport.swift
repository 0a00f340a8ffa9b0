import Foundation
import GRDB

extension AppDatabase {
    /// Records that the requests `ids` were written to an export file (`kiosk mail export`, the
    /// maintenance USB export); a request keeps its first export time.
    ///
    /// - Returns: the number of requests newly marked.
    @discardableResult
    package func markMailExported(ids: [Int64], at time: Date) async throws -> Int {
        try await writer.write { db in
            var marked = 0
            for id in ids {
                try db.execute(
                    sql: "UPDATE mailRequest SET exportedAt = ? WHERE id = ? AND exportedAt IS NULL",
                    arguments: [StoredTime(time), id])
                marked += db.changesCount
            }
            return marked
        }
    }

    /// When the request `id` was first exported; `nil` when never (or unknown).
    package func mailExportedAt(id: Int64) async throws -> Date? {
        try await reader.read { db in
            try StoredTime.fetchOne(db, sql: "SELECT exportedAt FROM mailRequest WHERE id = ?", arguments: [id])?.date
        }
    }
}
