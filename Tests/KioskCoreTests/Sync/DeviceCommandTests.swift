import Foundation
import Testing

@testable import KioskCore

@Suite struct DeviceCommandTests {
    let now = SyncFixture.now

    @Test func aCommandIsRecordedAndStartedAtMostOnce() async throws {
        let database = try SyncFixture.database()
        #expect(
            try await database.recordCommands(
                [("c1", kind: "printTest", deadline: nil), ("c2", kind: "reconnectReader", deadline: nil)], at: now)
                == 2)
        // The gateway repeats c1 in the next heartbeat answer.
        #expect(try await database.recordCommands([("c1", kind: "printTest", deadline: nil)], at: now + 30) == 0)
        #expect(try await database.deviceCommands().map(\.id) == ["c1", "c2"])

        let next = try #require(try await database.nextCommand(now: now))
        #expect(next.id == "c1" && next.kind == "printTest")
        #expect(try await database.startCommand(id: "c1", at: now))
        #expect(try await !database.startCommand(id: "c1", at: now + 1))
        #expect(try await database.nextCommand(now: now)?.id == "c2")

        try await database.finishCommand(id: "c1", ok: true, detail: "printed", at: now + 2)
        try await database.finishCommand(id: "c1", ok: false, detail: "again", at: now + 3)
        #expect(try await !database.startCommand(id: "c1", at: now + 4))
        let results = try await database.unreportedCommandResults()
        #expect(results.map(\.id) == ["c1"])
        #expect(results.first?.ok == true && results.first?.detail == "printed" && results.first?.finishedAt == now + 2)

        try await database.markCommandResultsReported(ids: ["c1"], at: now + 5)
        #expect(try await database.unreportedCommandResults().isEmpty)
        #expect(try await database.deviceCommands().first?.reportedAt == now + 5)
    }

    @Test func aCommandPastItsDeadlineIsFinishedAsFailedWithoutRunning() async throws {
        let database = try SyncFixture.database()
        try await database.recordCommands(
            [
                ("late", kind: "restartApp", deadline: now + 60),
                ("open", kind: "resync", deadline: now + 3600),
            ], at: now)
        let next = try await database.nextCommand(now: now + 120)
        #expect(next?.id == "open")
        #expect(try await !database.startCommand(id: "late", at: now + 121))
        let results = try await database.unreportedCommandResults()
        #expect(results.map(\.id) == ["late"])
        #expect(results.first?.ok == false)
        #expect(results.first?.detail == DeviceCommandEntry.deadlinePassedDetail)
        #expect(results.first?.startedAt == nil)
    }
}
