import Foundation
import GRDB
import Testing

@testable import KioskCore

@Suite struct ReplicaChangeTests {
    let now = SyncFixture.now

    @Test func aChangeNotNewerThanTheStoredRowIsSkipped() async throws {
        let database = try SyncFixture.database()
        var report = try await database.applyChanges(
            [SyncFixture.upsert(SyncFixture.caseFile("A-1", name: "v2"), version: 2)], cursor: "c1", at: now)
        #expect(report == ReplicaApplyReport(applied: 1))
        #expect(try SyncFixture.version(database, caseFile: "A-1") == 2)

        report = try await database.applyChanges(
            [
                SyncFixture.upsert(SyncFixture.caseFile("A-1", name: "v1"), version: 1),
                SyncFixture.upsert(SyncFixture.caseFile("A-1", name: "v2 again"), version: 2),
            ], cursor: "c2", at: now)
        #expect(report == ReplicaApplyReport(skippedStale: 2))
        #expect(try await database.caseFile(number: "A-1")?.itemName == "v2")

        report = try await database.applyChanges(
            [SyncFixture.upsert(SyncFixture.caseFile("A-1", name: "v3"), version: 3)], cursor: "c3", at: now)
        #expect(report.applied == 1)
        #expect(try await database.caseFile(number: "A-1")?.itemName == "v3")
        #expect(try SyncFixture.version(database, caseFile: "A-1") == 3)
        #expect(try await database.replicaCursor() == "c3")
    }

    /// An imported 办件 (version 0) is replaced by the first change from the gateway, and the
    /// replaced row keeps answering the card lookup.
    @Test func anUpsertReplacesAnImportedRow() async throws {
        let database = try SyncFixture.database()
        try await database.importCaseFiles(
            CaseFileImport.Content(items: [], caseFiles: [SyncFixture.caseFile("A-1", name: "imported")]))
        #expect(try SyncFixture.version(database, caseFile: "A-1") == 0)
        try await database.applyChanges(
            [SyncFixture.upsert(SyncFixture.caseFile("A-1", name: "from gateway"), version: 1)], cursor: "c", at: now)
        let found = try await database.caseFiles(forIdNumber: "11010519491231002X")
        #expect(found.map(\.itemName) == ["from gateway"])
        #expect(found.first == SyncFixture.caseFile("A-1", name: "from gateway"))
    }

    @Test func aDeleteRemovesTheRowAndItsTombstoneBlocksAStaleUpsert() async throws {
        let database = try SyncFixture.database()
        try await database.applyChanges(
            [SyncFixture.upsert(SyncFixture.caseFile("A-1"), version: 5)], cursor: "1", at: now)
        var report = try await database.applyChanges([SyncFixture.delete("A-1", version: 6)], cursor: "2", at: now)
        #expect(report.applied == 1)
        #expect(try await database.caseFile(number: "A-1") == nil)
        #expect(try await database.caseFiles(forIdNumber: "11010519491231002X").isEmpty)

        // The upsert of version 4 was sent before the delete but arrives after it.
        report = try await database.applyChanges(
            [SyncFixture.upsert(SyncFixture.caseFile("A-1"), version: 4), SyncFixture.delete("A-1", version: 6)],
            cursor: "3", at: now)
        #expect(report == ReplicaApplyReport(skippedStale: 2))
        #expect(try await database.caseFile(number: "A-1") == nil)

        // A newer upsert brings it back and clears the tombstone.
        report = try await database.applyChanges(
            [SyncFixture.upsert(SyncFixture.caseFile("A-1"), version: 7)], cursor: "4", at: now)
        #expect(report.applied == 1)
        #expect(try SyncFixture.version(database, caseFile: "A-1") == 7)
        let tombstones = try await database.reader.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM replicaTombstone")
        }
        #expect(tombstones == 0)
    }

    @Test func serviceItemsAreReplicatedWithVersions() async throws {
        let database = try SyncFixture.database()
        try await database.applyChanges(
            [SyncFixture.upsert(SyncFixture.item("MAIL", allowsMail: true), version: 3)], cursor: "1", at: now)
        try await database.applyChanges(
            [SyncFixture.upsert(SyncFixture.item("MAIL", allowsMail: false), version: 2)], cursor: "2", at: now)
        #expect(try await database.serviceItem(code: "MAIL")?.allowsMail == true)
        try await database.applyChanges(
            [ReplicaChange(entity: .serviceItem, key: "MAIL", version: 4, operation: .delete)], cursor: "3", at: now)
        #expect(try await database.serviceItem(code: "MAIL") == nil)
    }

    /// The page and its cursor are one transaction: a change that fails midway stores neither.
    @Test func aPageThatFailsMidwayStoresNeitherItsChangesNorItsCursor() async throws {
        let database = try SyncFixture.database()
        try await database.applyChanges(
            [SyncFixture.upsert(SyncFixture.caseFile("A-1"), version: 1)], cursor: "c1", at: now)
        // The database refuses one record (as a constraint would).
        try await database.writer.write { db in
            try db.execute(
                sql: """
                    CREATE TEMP TRIGGER refuseBad BEFORE INSERT ON caseFile WHEN new.number = 'BAD'
                    BEGIN SELECT RAISE(ABORT, 'constraint failed'); END
                    """)
        }
        await #expect(throws: DatabaseError.self) {
            try await database.applyChanges(
                [
                    SyncFixture.upsert(SyncFixture.caseFile("A-2"), version: 2),
                    SyncFixture.delete("A-1", version: 3),
                    SyncFixture.upsert(SyncFixture.caseFile("BAD"), version: 4),
                ], cursor: "c2", at: now)
        }
        #expect(try await database.replicaCursor() == "c1")
        #expect(try await database.caseFile(number: "A-2") == nil)
        #expect(try await database.caseFile(number: "A-1") != nil)

        // A record that is not the change's own is refused the same way.
        let mismatched = ReplicaChange(
            entity: .caseFile, key: "A-3", version: 5, operation: .upsert(.caseFile(SyncFixture.caseFile("A-4"))))
        let error = try await #require(throws: ReplicaError.self) {
            try await database.applyChanges(
                [SyncFixture.upsert(SyncFixture.caseFile("A-5"), version: 5), mismatched], cursor: "c3", at: now)
        }
        #expect(error.isMismatchedRecord)
        #expect(try await database.replicaCursor() == "c1")
        #expect(try await database.caseFile(number: "A-5") == nil)
    }

    @Test func aMailStatusUpdatesThisKiosksRequest() async throws {
        let database = try SyncFixture.database()
        _ = try await database.submitMailRequest(SyncFixture.mailRequest(1), terminalId: "T1")
        func status(_ key: String, _ status: MailStatus, waybill: String?, version: Int64) -> ReplicaChange {
            ReplicaChange(
                entity: .mailStatus, key: key, version: version,
                operation: .upsert(
                    .mailStatus(MailStatusUpdate(status: status, waybillNumber: waybill, updatedAt: now))))
        }
        var report = try await database.applyChanges(
            [
                status("mail-1", .posted, waybill: "EA123456789CN", version: 1),
                status("someone-else", .posted, waybill: "EA000000000CN", version: 1),
                ReplicaChange(entity: .calendar, key: "2027", version: 1, operation: .delete),
            ], cursor: "c1", at: now)
        #expect(report == ReplicaApplyReport(applied: 1, unknown: 1, unsupported: 1))
        var stored = try #require(try await database.mailRequest(caseNumber: "C-1"))
        #expect(stored.status == .posted && stored.waybillNumber == "EA123456789CN")
        #expect(stored.deliveredAt == nil)

        report = try await database.applyChanges(
            [
                status("mail-1", .delivered, waybill: nil, version: 3),
                status("mail-1", .inTransit, waybill: nil, version: 2),
            ], cursor: "c2", at: now)
        #expect(report == ReplicaApplyReport(applied: 1, skippedStale: 1))
        stored = try #require(try await database.mailRequest(caseNumber: "C-1"))
        #expect(stored.status == .delivered && stored.waybillNumber == "EA123456789CN")
        #expect(stored.deliveredAt == now)
    }

    /// A withdrawn 办件 disappears; its existing mail request stays and nothing offers mail for it.
    @Test func aMailRequestWhoseCaseIsGoneStaysAndNoNewOneIsOffered() async throws {
        let database = try SyncFixture.database()
        try await database.applyChanges(
            [
                SyncFixture.upsert(SyncFixture.caseFile("C-1"), version: 1),
                SyncFixture.upsert(SyncFixture.caseFile("C-2"), version: 1),
            ],
            cursor: "1", at: now)
        let backOffice = LocalBackOffice(database: database, terminalId: "T1")
        _ = try await backOffice.submitMailRequest(SyncFixture.mailRequest(1))
        try await database.applyChanges(
            [SyncFixture.delete("C-1", version: 2), SyncFixture.delete("C-2", version: 2)], cursor: "2", at: now)

        #expect(try await backOffice.caseFiles(forIdNumber: "11010519491231002X").isEmpty)
        // The stored request is still found, and still delivered upstream.
        let existing = try await backOffice.submitMailRequest(SyncFixture.mailRequest(1))
        #expect(existing.request.caseNumber == "C-1")
        #expect(try await database.outboxBatch(now: now).count == 1)
        // A new request for a 办件 that is gone is refused, not stored.
        await #expect(throws: BackOfficeError.self) {
            try await backOffice.submitMailRequest(SyncFixture.mailRequest(2))
        }
        #expect(try await database.mailRequest(caseNumber: "C-2") == nil)
    }
}
