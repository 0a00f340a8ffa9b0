import Foundation
import KioskTestSupport
import Logging
import Testing

@testable import KioskCore

@Suite struct RetentionServiceTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func makeService(
        database: AppDatabase, days: Int, jobs: [RetentionJob] = [], clock: TestClock = TestClock()
    ) -> RetentionService<TestClock> {
        RetentionService(
            database: database, configuration: RetentionConfiguration(auditRetentionDays: days), jobs: jobs,
            terminalId: "T1", clock: clock,
            now: { start.addingTimeInterval(Double(clock.now.offset.components.seconds)) },
            logger: Logger(label: "test.retention", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    @Test func minimumIsSixMonths() {
        let low = RetentionConfiguration(auditRetentionDays: 30)
        #expect(low.auditRetentionDays == 183)
        #expect(low.wasAuditRetentionRaised)
        let high = RetentionConfiguration(auditRetentionDays: 400)
        #expect(high.auditRetentionDays == 400)
        #expect(!high.wasAuditRetentionRaised)
    }

    /// A configured 30 days is raised to 183: rows of 100 days stay, rows of 200 days go.
    @Test func tooShortRetentionIsRaisedToTheMinimum() async throws {
        let database = try AppDatabase.inMemory()
        try await AuditPurgeTests.seed(database, ages: [200, 100])
        let service = Self.makeService(database: database, days: 30)
        let report = await service.runOnce(now: AuditPurgeTests.now)
        #expect(report.outcome(of: "audit")?.purged == 1)
        #expect(report.auditCutoff == AuditPurgeTests.daysAgo(183))
        let remaining = try await database.auditEvents().filter { $0.event == "session.started" }
        #expect(remaining.map(\.detail) == ["age=100.0"])
    }

    @Test func longerRetentionKeepsMore() async throws {
        let database = try AppDatabase.inMemory()
        try await AuditPurgeTests.seed(database, ages: [400, 200])
        let report = await Self.makeService(database: database, days: 365).runOnce(now: AuditPurgeTests.now)
        #expect(report.outcome(of: "audit")?.purged == 1)
    }

    /// Injected jobs get "now", run in order after the audit purge, and are audited; a failing
    /// job is reported and audited as a failure without stopping the next one.
    @Test func injectedJobsRunAndFailuresAreContained() async throws {
        struct Boom: Error, CustomStringConvertible { var description: String { "boom" } }
        let database = try AppDatabase.inMemory()
        let seen = Seen()
        let jobs = [
            RetentionJob(name: "mail.personalData") { now in
                await seen.add("mail \(now.timeIntervalSince1970)")
                return 4
            },
            RetentionJob(name: "broken") { _ in throw Boom() },
            RetentionJob(name: "evaluations") { _ in
                await seen.add("evaluations")
                return 0
            },
        ]
        let report = await Self.makeService(database: database, days: 183, jobs: jobs).runOnce(now: AuditPurgeTests.now)
        #expect(report.outcomes.map(\.job) == ["audit", "mail.personalData", "broken", "evaluations"])
        #expect(report.outcome(of: "mail.personalData")?.purged == 4)
        #expect(report.outcome(of: "broken")?.failure == "boom")
        #expect(await seen.items == ["mail 1800000000.0", "evaluations"])

        let audit = try await database.auditEvents().filter { $0.event == "retention.purged" }
        #expect(audit.map(\.subject) == ["audit", "mail.personalData", "broken", "evaluations"])
        #expect(audit.map(\.outcome) == ["success", "success", "failure", "success"])
        #expect(audit[1].detail == "purged=4")
    }

    /// The loop runs once at start, then once per interval of the injected clock, and ends on cancellation.
    @Test func loopFiresOnTheInjectedClock() async throws {
        let database = try AppDatabase.inMemory()
        let clock = TestClock()
        let (runs, continuation) = AsyncStream.makeStream(of: Date.self)
        let probe = RetentionJob(name: "probe") { now in
            continuation.yield(now)
            return 0
        }
        let service = Self.makeService(database: database, days: 183, jobs: [probe], clock: clock)
        let task = Task { try await service.run() }
        var iterator = runs.makeAsyncIterator()

        #expect(await iterator.next() == Self.start)
        await clock.sleepers(atLeast: 1)
        clock.advance(by: .seconds(86_399))
        #expect(clock.sleeperCount == 1)  // not yet a day: still asleep
        clock.advance(by: .seconds(1))
        #expect(await iterator.next() == Self.start.addingTimeInterval(86_400))
        await clock.sleepers(atLeast: 1)
        clock.advance(by: .seconds(86_400))
        #expect(await iterator.next() == Self.start.addingTimeInterval(2 * 86_400))
        await clock.sleepers(atLeast: 1)

        task.cancel()
        try await task.value
        let purges = try await database.auditEvents().filter { $0.event == "retention.purged" && $0.subject == "audit" }
        #expect(purges.count == 3)
    }
}

/// Collects what the test jobs saw.
private actor Seen {
    var items: [String] = []
    func add(_ item: String) { items.append(item) }
}
