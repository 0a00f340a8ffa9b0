import Foundation
import KioskProtocol
import Testing

/// Two gateway replicas on one database serve the same kiosks; one is SIGKILLed in the middle of
/// their deliveries. Each kiosk retries a batch that got no answer on the other replica with the
/// same idempotency keys, as the kiosk's outbox does: every row arrives, none twice.
@Suite(.serialized) struct TwoReplicaTests {
    static let devices = 3
    static let batches = 12
    static let batchSize = 5

    @Test func aReplicaKilledMidDeliveryLosesNothingAndDuplicatesNothing() async throws {
        let database = try await TestDatabase.create()
        let first = try await RunningGateway.start(database: database)
        let second = try await RunningGateway.start(database: database, sharingCAWith: first)
        var kiosks: [TestDevice] = []
        for index in 0..<Self.devices {
            kiosks.append(try await TestDevice.enroll(id: "kiosk-\(index)", gateway: first))
        }
        let sent = Counter()
        let unanswered = Counter()
        let outcome = try await withThrowingTaskGroup(of: [SubmissionResult.Status].self) { group in
            for kiosk in kiosks {
                group.addTask {
                    let replicas = [kiosk, TestDevice(id: kiosk.id, gateway: second, directory: kiosk.directory)]
                    var statuses: [SubmissionResult.Status] = []
                    for batch in 0..<Self.batches {
                        let items = try (0..<Self.batchSize).map { item in
                            let key = "\(kiosk.id)-\(batch)-\(item)"
                            return try SubmissionFixture.item(
                                SubmissionFixture.mailRequest(case: "CASE-\(key)", key: key))
                        }
                        let body = try ProtocolCoding.encoder().encode(SubmissionBatch(items: items))
                        // Alternate replicas; on no answer (killed, refused) the same batch goes to the other.
                        var attempt = batch
                        var answered: SubmissionResults?
                        while answered == nil && attempt < batch + 6 {
                            let reply = try await replicas[attempt % 2].request(
                                "POST", "/v1/device/submissions", json: body)
                            if reply.status == 200 {
                                answered = try ProtocolCoding.decoder().decode(SubmissionResults.self, from: reply.body)
                            } else {
                                await unanswered.add(1)
                            }
                            attempt += 1
                        }
                        let results = try #require(answered, "\(kiosk.id) batch \(batch) unanswered by both replicas")
                        statuses += results.results.map(\.status)
                        await sent.add(1)
                    }
                    return statuses
                }
            }
            group.addTask {
                // Kill the first replica once a third of the batches are through, mid-traffic.
                while await sent.value < Self.devices * Self.batches / 3 { try await Task.sleep(for: .milliseconds(5)) }
                await first.kill()
                return []
            }
            var all: [SubmissionResult.Status] = []
            for try await statuses in group { all += statuses }
            return all
        }
        let total = Self.devices * Self.batches * Self.batchSize
        #expect(!first.isRunning, "the first replica was killed")
        #expect(await unanswered.value > 0, "batches went unanswered and were sent again")
        #expect(outcome.count == total)
        #expect(outcome.allSatisfy { $0 == .accepted || $0 == .duplicate }, "\(Set(outcome))")
        #expect(
            try await database.sql(
                "SELECT count(*), count(DISTINCT (device_id, idempotency_key)) FROM submission")
                == [["\(total)", "\(total)"]], "every row once")
        #expect(try await database.sql("SELECT count(*) FROM mail_request") == [["\(total)"]])
        #expect(
            try await database.sql("SELECT count(*) FROM audit_log WHERE action = 'submission.accepted'")
                == [["\(total)"]], "accepted once each, however often it was sent")
        await second.stop()
        try await database.drop()
    }
}

/// A count shared by the kiosks' tasks.
private actor Counter {
    private(set) var value = 0
    func add(_ amount: Int) { value += amount }
}
