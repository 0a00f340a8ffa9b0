import Foundation
import Testing

@testable import KioskCore

/// `RetentionConfiguration.requireUpstreamDelivery`: on a connected kiosk the recipient data
/// stays until the outbox row reached the gateway, plus the configured days.
@Suite struct SyncRetentionTests {
    let delivered = SyncFixture.now.addingTimeInterval(86_400)
    let days = 30

    /// A request delivered to the citizen at `delivered`; its outbox row still undelivered.
    func databaseWithDeliveredMail() async throws -> (AppDatabase, Int64) {
        let database = try SyncFixture.database()
        let id = try #require(
            try await database.submitMailRequest(SyncFixture.mailRequest(1), terminalId: "T1").request.id)
        try await database.markMailSent(id: id, waybill: "EA123456789CN", at: delivered, terminalId: "T1")
        try await database.updateMailStatus(id: id, to: .delivered, at: delivered, terminalId: "T1")
        return (database, id)
    }

    func purge(_ database: AppDatabase, requireUpstream: Bool, at now: Date) async throws -> Int {
        let configuration = RetentionConfiguration(requireUpstreamDelivery: requireUpstream)
        return try await RetentionJob.mailPersonalData(database: database, days: days, configuration: configuration)
            .purge(now)
    }

    @Test func byDefaultTheCitizensDeliveryAloneCounts() async throws {
        #expect(!RetentionConfiguration().requireUpstreamDelivery)
        let (database, _) = try await databaseWithDeliveredMail()
        let later = delivered.addingTimeInterval(Double(days + 1) * 86_400)
        #expect(try await purge(database, requireUpstream: false, at: later) == 1)
        #expect(try await database.mailRequest(caseNumber: "C-1")?.recipientName == nil)
    }

    @Test func onAConnectedKioskTheUpstreamDeliveryCountsToo() async throws {
        let (database, _) = try await databaseWithDeliveredMail()
        let later = delivered.addingTimeInterval(Double(days + 1) * 86_400)
        // Not yet delivered upstream: kept, however old.
        #expect(try await purge(database, requireUpstream: true, at: later) == 0)

        let outboxId = try #require(try await database.outboxEntries().first?.id)
        try await database.recordDelivery(
            [OutboxOutcome(outboxId: outboxId, result: .delivered(submissionId: "S-1"))], at: later)
        // Delivered upstream just now: kept for the configured days from then.
        #expect(try await purge(database, requireUpstream: true, at: later.addingTimeInterval(86_400)) == 0)
        #expect(try await database.mailRequest(caseNumber: "C-1")?.recipientName == "李建国")

        let afterDays = later.addingTimeInterval(Double(days + 1) * 86_400)
        #expect(try await purge(database, requireUpstream: true, at: afterDays) == 1)
        let purged = try #require(try await database.mailRequest(caseNumber: "C-1"))
        #expect(purged.recipientName == nil && purged.phone == nil && purged.address == nil)
    }

    @Test func aDeadLetteredRequestKeepsItsData() async throws {
        let (database, _) = try await databaseWithDeliveredMail()
        let outboxId = try #require(try await database.outboxEntries().first?.id)
        try await database.recordDelivery(
            [OutboxOutcome(outboxId: outboxId, result: .deadLetter(reason: "rejected"))], at: delivered)
        let muchLater = delivered.addingTimeInterval(Double(days * 10) * 86_400)
        #expect(try await purge(database, requireUpstream: true, at: muchLater) == 0)
        #expect(try await purge(database, requireUpstream: false, at: muchLater) == 1)
    }
}
