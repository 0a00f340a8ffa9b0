import Foundation
import GRDB

extension AppDatabase {
    /// The value stored under `key` in `syncState`, if any.
    package func syncValue(_ key: String) async throws -> String? {
        try await reader.read { db in try Self.syncValue(key, db) }
    }

    /// Stores `value` under `key` (`nil` removes it), stamped with `time`.
    package func setSyncValue(_ key: String, _ value: String?, at time: Date = Date()) async throws {
        try await writer.write { db in try Self.setSyncValue(key, value, at: time, db) }
    }

    /// Stores several values in one transaction (`nil` removes a key).
    package func setSyncValues(_ values: [String: String?], at time: Date = Date()) async throws {
        try await writer.write { db in
            for (key, value) in values.sorted(by: { $0.key < $1.key }) {
                try Self.setSyncValue(key, value, at: time, db)
            }
        }
    }

    /// A time stored under `key` (as ``StoredTime`` text), e.g. ``SyncStateKey/lastContactAt``.
    package func syncTime(_ key: String) async throws -> Date? {
        try await syncValue(key).flatMap { StoredTime.date(from: $0.databaseValue) }
    }

    /// Stores a time under `key`, as ``StoredTime`` text.
    package func setSyncTime(_ key: String, _ date: Date, at time: Date = Date()) async throws {
        try await setSyncValue(key, StoredTime.text(date), at: time)
    }

    /// The cursor of the last applied replica page or snapshot; `nil` before the first.
    package func replicaCursor() async throws -> String? {
        try await syncValue(SyncStateKey.replicaCursor)
    }

    static func syncValue(_ key: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM syncState WHERE key = ?", arguments: [key])
    }

    static func setSyncValue(_ key: String, _ value: String?, at time: Date, _ db: Database) throws {
        guard let value else {
            try db.execute(sql: "DELETE FROM syncState WHERE key = ?", arguments: [key])
            return
        }
        try db.execute(
            sql: """
                INSERT INTO syncState (key, value, updatedAt) VALUES (?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updatedAt = excluded.updatedAt
                """, arguments: [key, value, StoredTime(time)])
    }
}
