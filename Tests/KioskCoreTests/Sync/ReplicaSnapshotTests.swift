import Foundation
import GRDB
import Testing

@testable import KioskCore

@Suite struct ReplicaSnapshotTests {
    let now = SyncFixture.now
    let citizen = "11010519491231002X"

    /// Pages go to the shadow tables while lookups (another connection of the pool) still answer
    /// from the live rows; the finish swaps them in one transaction and keeps the live indexes.
    @Test func theSnapshotIsSwappedInWhileLookupsKeepAnswering() async throws {
        let database = try SyncFixture.database()
        try await database.applyChanges(
            [SyncFixture.upsert(SyncFixture.caseFile("OLD-1"), version: 9), SyncFixture.delete("GONE", version: 3)],
            cursor: "feed-1", at: now)
        try await database.beginSnapshot()
        #expect(try await database.isSnapshotInProgress())

        let first = try await database.applySnapshotPage([
            SyncFixture.upsert(SyncFixture.caseFile("NEW-1", name: "v1"), version: 1),
            SyncFixture.upsert(SyncFixture.item("MAIL"), version: 1),
        ])
        #expect(first.applied == 2)
        #expect(try await database.caseFiles(forIdNumber: citizen).map(\.number) == ["OLD-1"])

        let second = try await database.applySnapshotPage([
            SyncFixture.upsert(SyncFixture.caseFile("NEW-1", name: "v2"), version: 2),
            SyncFixture.upsert(SyncFixture.caseFile("NEW-2"), version: 1),
            SyncFixture.upsert(SyncFixture.caseFile("NEW-1", name: "stale"), version: 1),
            SyncFixture.delete("NEW-2", version: 5),
        ])
        #expect(second == ReplicaApplyReport(applied: 2, skippedStale: 1, unsupported: 1))
        #expect(try await database.caseFiles(forIdNumber: citizen).map(\.number) == ["OLD-1"])
        #expect(try await database.serviceItem(code: "MAIL") == nil)
        #expect(try await database.replicaCursor() == "feed-1")

        #expect(try await database.finishSnapshot(cursor: "snap-1", at: now) == 2)
        #expect(try await database.caseFiles(forIdNumber: citizen).map(\.number).sorted() == ["NEW-1", "NEW-2"])
        #expect(try await database.caseFile(number: "NEW-1")?.itemName == "v2")
        #expect(try SyncFixture.version(database, caseFile: "NEW-1") == 2)
        #expect(try await database.serviceItem(code: "MAIL") != nil)
        #expect(try await database.replicaCursor() == "snap-1")
        #expect(try await !database.isSnapshotInProgress())
        let (tombstones, indexes) = try await database.reader.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM replicaTombstone"),
                try db.indexes(on: "caseFile").map(\.name)
            )
        }
        #expect(tombstones == 0)
        #expect(Set(indexes).isSuperset(of: ["caseFileApplicant", "caseFileAgent"]))
        // After the swap the feed goes on from the snapshot's rows and versions.
        let report = try await database.applyChanges(
            [SyncFixture.upsert(SyncFixture.caseFile("NEW-1", name: "older"), version: 2)], cursor: "feed-2", at: now)
        #expect(report.skippedStale == 1)
    }

    /// A read transaction open on another connection while the swap commits still sees the old rows.
    @Test func aReadOpenDuringTheSwapKeepsAnsweringFromTheOldRows() async throws {
        let database = try SyncFixture.database()
        try await database.applyChanges(
            [SyncFixture.upsert(SyncFixture.caseFile("OLD-1"), version: 1)], cursor: "f", at: now)
        try await database.beginSnapshot()
        try await database.applySnapshotPage([SyncFixture.upsert(SyncFixture.caseFile("NEW-1"), version: 1)])
        let during = try await database.reader.read { db -> [String] in
            let before = try AppDatabase.caseFiles(db, forIdNumber: citizen).map(\.number)
            // The writer swaps while this read transaction is open.
            let semaphore = DispatchSemaphore(value: 0)
            Task {
                _ = try? await database.finishSnapshot(cursor: "s", at: now)
                semaphore.signal()
            }
            semaphore.wait()
            return before + (try AppDatabase.caseFiles(db, forIdNumber: citizen).map(\.number))
        }
        #expect(during == ["OLD-1", "OLD-1"])
        #expect(try await database.caseFiles(forIdNumber: citizen).map(\.number) == ["NEW-1"])
        #expect(try await database.replicaCursor() == "s")
    }

    @Test func snapshotPagesNeedABeginning() async throws {
        let database = try SyncFixture.database()
        let error = try await #require(throws: ReplicaError.self) {
            try await database.applySnapshotPage([SyncFixture.upsert(SyncFixture.caseFile("A-1"), version: 1)])
        }
        #expect(error.isNoSnapshot)
        await #expect(throws: ReplicaError.self) { try await database.finishSnapshot(cursor: "x", at: now) }
        #expect(try await database.replicaCursor() == nil)
    }

    /// Beginning again (after a crash mid-snapshot) starts from empty shadows.
    @Test func beginningAgainDiscardsAnInterruptedSnapshot() async throws {
        let database = try SyncFixture.database()
        try await database.beginSnapshot()
        try await database.applySnapshotPage([SyncFixture.upsert(SyncFixture.caseFile("HALF"), version: 1)])
        try await database.beginSnapshot()
        try await database.applySnapshotPage([SyncFixture.upsert(SyncFixture.caseFile("FULL"), version: 1)])
        #expect(try await database.finishSnapshot(cursor: "s", at: now) == 1)
        #expect(try await database.caseFile(number: "HALF") == nil)
        #expect(try await database.caseFile(number: "FULL") != nil)
    }

    @Test func mailStatusesInASnapshotUpdateTheRequestAtOnce() async throws {
        let database = try SyncFixture.database()
        _ = try await database.submitMailRequest(SyncFixture.mailRequest(1), terminalId: "T1")
        try await database.beginSnapshot()
        let report = try await database.applySnapshotPage([
            ReplicaChange(
                entity: .mailStatus, key: "mail-1", version: 4,
                operation: .upsert(
                    .mailStatus(MailStatusUpdate(status: .posted, waybillNumber: "EA987654321CN", updatedAt: now))))
        ])
        #expect(report.applied == 1)
        let stored = try #require(try await database.mailRequest(caseNumber: "C-1"))
        #expect(stored.status == .posted && stored.waybillNumber == "EA987654321CN")
    }
}
