import Foundation
import KioskCore
import Testing

@Suite struct WALCheckpointerTests {
    func fileDatabase() throws -> AppDatabase {
        let base = ProcessInfo.processInfo.environment["KIOSK_TEST_TMPDIR"] ?? NSTemporaryDirectory()
        return try AppDatabase.open(directory: (base as NSString).appendingPathComponent("wal-\(UUID().uuidString)"))
    }

    @Test func theLoopTakesOverCheckpointsAndGivesThemBack() async throws {
        let database = try fileDatabase()
        let checkpointer = WALCheckpointer(database: database)
        #expect(try await checkpointer.autoCheckpointPages() == WALCheckpointer.defaultAutoCheckpointPages)
        let loop = Task { try await checkpointer.run(every: .seconds(3600), clock: ContinuousClock()) }
        var waited = 0
        while try await checkpointer.autoCheckpointPages() != 0 && waited < 500 {
            try await Task.sleep(for: .milliseconds(10))
            waited += 1
        }
        #expect(try await checkpointer.autoCheckpointPages() == 0)
        loop.cancel()
        try await loop.value
        #expect(try await checkpointer.autoCheckpointPages() == WALCheckpointer.defaultAutoCheckpointPages)
    }

    @Test func aPassiveCheckpointCopiesTheWAL() async throws {
        let database = try fileDatabase()
        for index in 0..<5 {
            _ = try await database.submitMailRequest(
                MailRequestTests.request(case: "W-\(index)", key: "w\(index)"), terminalId: "T")
        }
        let result = try await WALCheckpointer(database: database).checkpoint()
        #expect(result.walPages > 0)
        #expect(result.checkpointedPages == result.walPages)
    }
}
