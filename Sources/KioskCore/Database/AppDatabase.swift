import Foundation
import GRDB

/// The kiosk's one SQLite database: it owns the single `DatabaseWriter` and migrates it on open.
///
/// Writes go through intent-named methods (one transaction each) declared in `AppDatabase+*.swift`
/// files next to the feature they serve; reads go through focused read methods or ``reader``.
/// Nobody can hold an unmigrated database, and a file written by a newer kiosk is refused untouched.
package struct AppDatabase: Sendable {
    /// The connection (a `DatabasePool` on disk, a `DatabaseQueue` in memory).
    package let writer: any DatabaseWriter

    /// Read-only access for queries.
    package var reader: any DatabaseReader { writer }

    /// Wraps a connection and runs every pending migration.
    ///
    /// - Throws: ``AppDatabaseError/newerSchema`` when the file holds migrations this build does
    ///   not know (it was written by a newer kiosk); the file is left exactly as it was.
    package init(_ writer: any DatabaseWriter) throws {
        let migrator = Self.migrator
        let superseded = try writer.read { db in try migrator.hasBeenSuperseded(db) }
        if superseded {
            let known = Set(migrator.migrations)
            let applied = try writer.read { db in try migrator.appliedIdentifiers(db) }
            throw AppDatabaseError.newerSchema(unknown: applied.subtracting(known).sorted())
        }
        try migrator.migrate(writer)
        self.writer = writer
    }

    /// The migrator holding every migration in ``Migration/all``, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in Migration.all {
            migrator.registerMigration(migration.identifier, migrate: migration.body)
        }
        return migrator
    }
}

extension AppDatabase {
    /// Opens (creating if needed) `kiosk.sqlite` in `directory` as a WAL `DatabasePool` with
    /// `synchronous = FULL`, so a committed transaction survives power loss.
    ///
    /// - Parameter directory: the state directory (`/var/lib/kiosk`, `$STATE_DIRECTORY`, or the
    ///   demo directory); created with mode 0700 when missing.
    package static func open(directory: String) throws -> AppDatabase {
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = (directory as NSString).appendingPathComponent(fileName)
        do {
            let pool = try DatabasePool(path: path, configuration: makeConfiguration())
            return try AppDatabase(pool)
        } catch let error as AppDatabaseError {
            throw error
        } catch {
            throw AppDatabaseError.cannotOpen(path: path, underlying: error)
        }
    }

    /// A fresh in-memory database with every migration applied, for tests and previews.
    package static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: makeConfiguration()))
    }

    /// The database file's name inside the state directory.
    package static let fileName = "kiosk.sqlite"

    /// The one place for connection settings: foreign keys, FULL synchronous commits, busy timeout.
    package static func makeConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        // Readers stay open: releasing a session's memory (releaseSessionMemory) then clears each
        // connection's statements and caches instead of closing it, so the next citizen's first
        // query does not pay for reopening one.
        configuration.persistentReadOnlyConnections = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }
}
