import Foundation
import GRDB
import Testing

@testable import KioskCore

/// The audit purge: gate opened, rows deleted, gate closed and the purge audited, in one transaction.
@Suite struct AuditPurgeTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }

    static func seed(_ database: AppDatabase, ages: [Double]) async throws {
        for age in ages {
            try await database.recordAudit(
                AuditEvent(
                    time: daysAgo(age), terminalId: "T1", event: "session.started", outcome: "success",
                    detail: "age=\(age)"))
        }
    }

    @Test func deletesOnlyOlderRowsAndAuditsItself() async throws {
        let database = try AppDatabase.inMemory()
        try await Self.seed(database, ages: [400, 200, 184, 182, 1])
        let deleted = try await database.purgeAuditEvents(before: Self.daysAgo(183), now: Self.now, terminalId: "T1")
        #expect(deleted == 3)

        let rows = try await database.auditEvents()
        #expect(rows.map(\.detail) == ["age=182.0", "age=1.0", "deleted=3 before=2026-07-16T08:00:00Z"])
        let purge = try #require(rows.last)
        #expect(purge.event == "retention.purged")
        #expect(purge.subject == "audit")
        #expect(purge.time == Self.now)
    }

    @Test func gateIsClosedAfterwardsSoDeletesAreRefusedAgain() async throws {
        let database = try AppDatabase.inMemory()
        try await Self.seed(database, ages: [400, 1])
        try await database.purgeAuditEvents(before: Self.daysAgo(183), now: Self.now, terminalId: "T1")
        let gateRows = try await database.reader.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditPurgeGate")
        }
        #expect(gateRows == 0)
        await #expect(throws: DatabaseError.self) {
            try await database.writer.write { db in try db.execute(sql: "DELETE FROM auditEvent") }
        }
        #expect(try await database.auditEvents().count == 2)
    }

    /// If anything in the purge fails, nothing is deleted and the gate stays closed.
    @Test func failureRollsBackTheWholePurge() async throws {
        let database = try AppDatabase.inMemory()
        try await Self.seed(database, ages: [400, 300, 1])
        try await database.writer.write { db in
            try db.execute(
                sql: """
                    CREATE TEMP TRIGGER failPurgeRecord BEFORE INSERT ON auditEvent
                    WHEN NEW.event = 'retention.purged' BEGIN SELECT RAISE(ABORT, 'injected failure'); END
                    """)
        }
        await #expect(throws: DatabaseError.self) {
            try await database.purgeAuditEvents(before: Self.daysAgo(183), now: Self.now, terminalId: "T1")
        }
        #expect(try await database.auditEvents().count == 3)
        let gateRows = try await database.reader.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditPurgeGate")
        }
        #expect(gateRows == 0)
    }

    @Test func auditRowsStayAppendOnly() async throws {
        let database = try AppDatabase.inMemory()
        try await Self.seed(database, ages: [1])
        await #expect(throws: DatabaseError.self) {
            try await database.writer.write { db in try db.execute(sql: "UPDATE auditEvent SET outcome = 'x'") }
        }
    }
}
