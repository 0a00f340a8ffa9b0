import Foundation
import GRDB
import Testing

@testable import KioskCore

@Suite struct SyncMigrationTests {
    @Test func theBatchQueryUsesThePartialIndex() async throws {
        let database = try SyncFixture.database()
        let plan = try await database.reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    EXPLAIN QUERY PLAN SELECT * FROM outbox
                    WHERE deliveredAt IS NULL AND deadLetteredAt IS NULL
                      AND (nextAttemptAt IS NULL OR nextAttemptAt <= ?)
                    ORDER BY id LIMIT ?
                    """, arguments: [StoredTime(SyncFixture.now), 100]
            ).map { $0["detail"] as String? ?? "" }
        }
        #expect(plan.contains { $0.contains("outboxUndelivered") })
    }

    @Test func existingRowsGetVersionZero() async throws {
        let database = try SyncFixture.database()
        try await database.importCaseFiles(
            CaseFileImport.Content(items: [SyncFixture.item("MAIL")], caseFiles: [SyncFixture.caseFile("A-1")]))
        let versions = try await database.reader.read { db in
            try Int.fetchAll(db, sql: "SELECT version FROM caseFile UNION ALL SELECT version FROM serviceItem")
        }
        #expect(versions == [0, 0])
    }
}
