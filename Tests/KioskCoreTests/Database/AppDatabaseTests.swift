import Foundation
import GRDB
import Testing

@testable import KioskCore

@Suite struct AppDatabaseTests {
    private func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appending(path: "kiosk-db-\(UUID().uuidString)").path
    }

    @Test func migratesAnEmptyDatabase() throws {
        let database = try AppDatabase.inMemory()
        let (hasAudit, applied) = try database.reader.read { db in
            (try db.tableExists("auditEvent"), try AppDatabase.migrator.appliedIdentifiers(db))
        }
        #expect(hasAudit)
        #expect(applied == Set(Migration.all.map(\.identifier)))
    }

    @Test func opensAFileInWALModeWithFullSynchronousAndPrivateDirectory() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = try AppDatabase.open(directory: directory)
        let (journal, synchronous) = try database.reader.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(journal == "wal")
        #expect(synchronous == 2)  // FULL
        let attributes = try FileManager.default.attributesOfItem(atPath: directory)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        #expect(FileManager.default.fileExists(atPath: directory + "/kiosk.sqlite"))
    }

    @Test func refusesADatabaseFromANewerVersionAndLeavesItUntouched() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try AppDatabase.open(directory: directory)
        // A newer kiosk applied a migration this build does not know.
        do {
            let queue = try DatabaseQueue(path: directory + "/kiosk.sqlite")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
                try db.execute(sql: "CREATE TABLE futureTable (id INTEGER PRIMARY KEY)")
            }
        }
        let before = try schemaSnapshot(directory + "/kiosk.sqlite")
        let error = try #require(throws: AppDatabaseError.self) { try AppDatabase.open(directory: directory) }
        #expect(error.isNewerSchema)
        #expect(error.description.contains("v99-from-the-future"))
        #expect(error.description.contains("newer version"))
        let after = try schemaSnapshot(directory + "/kiosk.sqlite")
        #expect(before == after)
        #expect(after.contains("v99-from-the-future"))
    }

    @Test func notADatabaseIsAClearError() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data("this is not sqlite, just text that is long enough to be a header".utf8)
            .write(to: URL(fileURLWithPath: directory + "/kiosk.sqlite"))
        let error = try #require(throws: AppDatabaseError.self) { try AppDatabase.open(directory: directory) }
        #expect(error.description.contains("cannot open the database"))
    }

    @Test func auditEventsAreAppendOnlyAndMasked() async throws {
        let database = try AppDatabase.inMemory()
        let event = try await database.recordAudit(
            AuditEvent(
                time: Date(), terminalId: "K1", event: "session.started", outcome: "success",
                subject: "11010519491231002X", detail: "phone 13812345678"))
        #expect(event.subject == "110***********002X")
        #expect(event.detail == "phone 138****5678")
        await #expect(throws: DatabaseError.self) {
            try await database.writer.write { db in try db.execute(sql: "UPDATE auditEvent SET outcome = 'x'") }
        }
        await #expect(throws: DatabaseError.self) {
            try await database.writer.write { db in try db.execute(sql: "DELETE FROM auditEvent") }
        }
        #expect(try await database.auditEvents().count == 1)
    }
}

/// The applied migrations, the schema and the integrity verdict of a database file, as text.
private func schemaSnapshot(_ path: String) throws -> String {
    let queue = try DatabaseQueue(path: path)
    return try queue.read { db in
        let migrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        let schema = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
        let integrity = try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? ""
        return (migrations + schema + [integrity]).joined(separator: "\n")
    }
}
