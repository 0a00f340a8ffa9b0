import Foundation
import GRDB
import Testing

@testable import KioskCore

@Suite struct OutboxBatchTests {
    let now = SyncFixture.now.addingTimeInterval(3600)

    /// 110 rows, the oldest dead-lettered, the second waiting for a retry: the batch is the next
    /// 100, oldest first, each with its own record.
    @Test func aBatchIsAtMostAHundredOldestFirstSkippingDeadLettersAndRowsNotDue() async throws {
        let database = try SyncFixture.database()
        let ids = try await SyncFixture.storeMail(database, count: 110)
        try await database.recordDelivery(
            [
                OutboxOutcome(outboxId: ids[0], result: .deadLetter(reason: "rejected")),
                OutboxOutcome(outboxId: ids[1], result: .retry(error: "503", retryAt: now.addingTimeInterval(60))),
            ], at: now)

        let batch = try await database.outboxBatch(now: now, limit: 500)
        #expect(batch.count == 100)
        #expect(batch.map { $0.entry.id } == Array(ids[2..<102]))
        for submission in batch {
            guard case .mailRequest(let request) = submission.record else {
                Issue.record("no mail request for outbox row \(submission.entry.id ?? 0)")
                continue
            }
            #expect(request.id == submission.entry.recordId)
            #expect(request.idempotencyKey == submission.entry.idempotencyKey)
        }
        #expect(try await database.outboxBatch(now: now, limit: 5).map { $0.entry.id } == Array(ids[2..<7]))
        // Once its retry time has come, the second row is due again (and the oldest due).
        let later = try await database.outboxBatch(now: now.addingTimeInterval(60), limit: 1)
        #expect(later.map { $0.entry.id } == [ids[1]])
        #expect(later.first?.entry.attempts == 1)
    }

    @Test func aRejectedItemDoesNotBlockTheNineBehindIt() async throws {
        let database = try SyncFixture.database()
        let ids = try await SyncFixture.storeMail(database, count: 10)
        let first = try await database.outboxBatch(now: now)
        #expect(first.count == 10)
        var outcomes = [OutboxOutcome(outboxId: ids[0], result: .deadLetter(reason: "keyReused"))]
        outcomes += ids.dropFirst().map { OutboxOutcome(outboxId: $0, result: .retry(error: "timeout", retryAt: now)) }
        try await database.recordDelivery(outcomes, at: now)

        let second = try await database.outboxBatch(now: now)
        #expect(second.map { $0.entry.id } == Array(ids.dropFirst()))
        try await database.recordDelivery(
            second.map { OutboxOutcome(outboxId: $0.entry.id!, result: .delivered(submissionId: "S-\($0.entry.id!)")) },
            at: now)
        #expect(try await database.outboxBatch(now: now.addingTimeInterval(86_400)).isEmpty)
        let deadLetters = try await database.deadLetters()
        #expect(deadLetters.map(\.id) == [ids[0]])
        #expect(deadLetters.first?.deadLetterReason == "keyReused")
        // A dead letter is kept, never deleted.
        #expect(try await database.outboxEntries().count == 10)
    }

    @Test func deliveredDeadLetterAndRetryAreRecorded() async throws {
        let database = try SyncFixture.database()
        let ids = try await SyncFixture.storeMail(database, count: 3)
        let retryAt = now.addingTimeInterval(300)
        let changed = try await database.recordDelivery(
            [
                OutboxOutcome(outboxId: ids[0], result: .delivered(submissionId: "SUB-1")),
                OutboxOutcome(outboxId: ids[1], result: .deadLetter(reason: "invalid id 11010519491231002X")),
                OutboxOutcome(outboxId: ids[2], result: .retry(error: "HTTP 503", retryAt: retryAt)),
            ], at: now)
        #expect(changed == 3)
        let entries = try await database.outboxEntries()
        #expect(entries[0].deliveredAt == now && entries[0].submissionId == "SUB-1" && entries[0].lastError == nil)
        #expect(entries[1].deadLetteredAt == now && entries[1].deliveredAt == nil)
        let reason = try #require(entries[1].deadLetterReason)
        #expect(!reason.contains("11010519491231002X") && reason.hasPrefix("invalid id"))
        #expect(entries[2].attempts == 1 && entries[2].lastError == "HTTP 503" && entries[2].nextAttemptAt == retryAt)
        #expect(entries[2].deliveredAt == nil && entries[2].deadLetteredAt == nil)

        // A late answer never undoes a delivery.
        try await database.recordDelivery(
            [OutboxOutcome(outboxId: ids[0], result: .retry(error: "late", retryAt: retryAt))], at: now)
        #expect(try await database.outboxEntries()[0].attempts == 0)
    }

    /// The outcomes share one transaction: when the last one fails, none is stored.
    @Test func outcomesAreStoredInOneTransaction() async throws {
        let database = try SyncFixture.database()
        let ids = try await SyncFixture.storeMail(database, count: 2)
        try await database.writer.write { db in
            try db.execute(
                sql: """
                    CREATE TEMP TRIGGER failSecond BEFORE UPDATE ON outbox WHEN old.id = \(ids[1])
                    BEGIN SELECT RAISE(ABORT, 'disk full'); END
                    """)
        }
        await #expect(throws: DatabaseError.self) {
            try await database.recordDelivery(
                [
                    OutboxOutcome(outboxId: ids[0], result: .delivered(submissionId: "SUB-1")),
                    OutboxOutcome(outboxId: ids[1], result: .delivered(submissionId: "SUB-2")),
                ], at: now)
        }
        let entries = try await database.outboxEntries()
        #expect(entries.allSatisfy { $0.deliveredAt == nil && $0.submissionId == nil })
    }

    @Test func aRowWhoseRecordIsGoneComesWithoutOne() async throws {
        let database = try SyncFixture.database()
        let ids = try await SyncFixture.storeMail(database, count: 2)
        let evaluation = try await database.submitEvaluation(
            Evaluation(
                caseNumber: "C-9", level: .satisfied, ratedAt: SyncFixture.now, regionCode: "440106",
                idempotencyKey: "eval-1"),
            terminalId: "T1")
        try await database.writer.write { db in
            try db.execute(sql: "DELETE FROM mailRequest WHERE idempotencyKey = 'mail-1'")
        }
        let batch = try await database.outboxBatch(now: now)
        #expect(batch.count == 3)
        #expect(batch[0].entry.id == ids[0] && batch[0].record == nil)
        guard case .mailRequest(let second) = batch[1].record else {
            Issue.record("the second row lost its record")
            return
        }
        #expect(second.idempotencyKey == "mail-2")
        guard case .evaluation(let rating) = batch[2].record else {
            Issue.record("the evaluation row has no evaluation")
            return
        }
        #expect(rating.id == evaluation.evaluation.id && rating.idempotencyKey == "eval-1")
    }

    @Test func aRequeuedDeadLetterIsSentAgain() async throws {
        let database = try SyncFixture.database()
        let ids = try await SyncFixture.storeMail(database, count: 1)
        try await database.recordDelivery([OutboxOutcome(outboxId: ids[0], result: .deadLetter(reason: "x"))], at: now)
        #expect(try await database.outboxBatch(now: now).isEmpty)
        #expect(try await database.pendingOutbox(now: now).isEmpty)
        #expect(try await database.requeueDeadLetter(id: ids[0]))
        #expect(try await !database.requeueDeadLetter(id: ids[0]))
        #expect(try await database.outboxBatch(now: now).map { $0.entry.id } == ids)
        #expect(try await database.deadLetters().isEmpty)
    }

    @Test func theSummaryCountsPendingAndDeadLetters() async throws {
        let database = try SyncFixture.database()
        let ids = try await SyncFixture.storeMail(database, count: 4)
        try await database.recordDelivery(
            [
                OutboxOutcome(outboxId: ids[0], result: .delivered(submissionId: "S")),
                OutboxOutcome(outboxId: ids[1], result: .deadLetter(reason: "rejected: postcode")),
            ], at: now)
        try await database.setSyncTime(SyncStateKey.lastContactAt, now, at: now)
        try await database.applyChanges(
            [SyncFixture.upsert(SyncFixture.caseFile("A-1"), version: 1)], cursor: "c9", at: now)
        let summary = try await database.syncSummary(now: now)
        #expect(summary.outboxPending == 2)
        #expect(summary.deadLettered == 1)
        #expect(summary.deadLetterReasons == ["rejected: postcode"])
        // The oldest pending row (index 3) was created 3 s after the fixture's start.
        #expect(summary.oldestPendingAgeSeconds == 3600 - 3)
        #expect(summary.replicaCursor == "c9")
        #expect(summary.caseFileCount == 1)
        #expect(summary.lastContactAt == now)
    }
}
