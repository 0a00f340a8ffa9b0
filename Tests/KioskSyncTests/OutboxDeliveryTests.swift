import Foundation
import KioskCore
import KioskProtocol
import KioskTestSupport
import Logging
import Testing

@testable import KioskSync

/// Per-item results on a real SQLite file, the gateway scripted: a rejected item does not block the
/// nine behind it, a 401 leaves every row pending, a 503 with `Retry-After: 30` holds the next
/// attempt back at least 30 s.
struct OutboxDeliveryTests {
    static func database(requests count: Int) async throws -> (AppDatabase, String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sync-\(UUID())").path
        let database = try AppDatabase.open(directory: directory)
        for index in 0..<count {
            _ = try await database.submitMailRequest(
                MailRequest(
                    caseNumber: "OUT-\(index)", idempotencyKey: "key-\(index)", recipientName: "李建国",
                    phone: "13912345678", regionCode: "370102", address: "天河北路233号", postcode: "250000",
                    certificateName: "营业执照", requestedAt: Date(timeIntervalSince1970: 1_772_676_000 + Double(index))),
                terminalId: "k1")
        }
        return (database, directory)
    }

    static func results(for request: GatewayRequest, rejecting: Set<String>) -> GatewayResponse {
        guard let body = request.body,
            let batch = try? ProtocolCoding.decoder().decode(SubmissionBatch.self, from: body)
        else { return GatewayResponse(status: 400) }
        return ScriptedTransport.json(
            SubmissionResults(
                results: batch.items.map { item in
                    rejecting.contains(item.idempotencyKey)
                        ? SubmissionResult(
                            idempotencyKey: item.idempotencyKey, status: .rejected, reason: "postcode invalid")
                        : SubmissionResult(idempotencyKey: item.idempotencyKey, status: .accepted, submissionId: UUID())
                }))
    }

    @Test func aRejectedItemDoesNotBlockTheNineBehindIt() async throws {
        let (database, _) = try await Self.database(requests: 10)
        let transport = ScriptedTransport { Self.results(for: $0, rejecting: ["key-0"]) }
        let delivery = OutboxDelivery(
            database: database, client: GatewayClient(transport: transport), logger: Logger(label: "test"))
        let round = try await delivery.deliverOnce(now: Date())
        #expect(round.sent == 10 && round.delivered == 9 && round.deadLettered == 1)
        let rows = try await database.outboxEntries()
        #expect(rows[0].deliveredAt == nil && rows[0].deadLetteredAt != nil)
        #expect(rows[0].deadLetterReason?.contains("rejected: postcode invalid") == true)
        #expect(rows[1...].allSatisfy { $0.deliveredAt != nil && $0.submissionId?.count == 36 })
        // Nothing is left to send: the dead letter is never retried by itself.
        #expect(try await delivery.deliverOnce(now: Date()).sent == 0)
        #expect(await transport.count(path: "/v1/device/submissions") == 1)
    }

    @Test func anUnauthorisedGatewayLeavesEveryRowPending() async throws {
        let (database, _) = try await Self.database(requests: 3)
        let transport = ScriptedTransport { _ in GatewayResponse(status: 401) }
        let delivery = OutboxDelivery(
            database: database, client: GatewayClient(transport: transport), logger: Logger(label: "test"))
        await #expect(throws: SyncError.self) { try await delivery.deliverOnce(now: Date()) }
        let rows = try await database.outboxEntries()
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.deliveredAt == nil && $0.deadLetteredAt == nil })
        #expect(try await database.outboxBatch(now: Date()).count == 3, "all still due")
    }

    @Test func a503WithRetryAfterHoldsTheNextAttemptBackThirtySeconds() async throws {
        let (database, directory) = try await Self.database(requests: 2)
        let transport = ScriptedTransport { request in
            ScriptedTransport.idle(request)
                ?? GatewayResponse(status: 503, headers: ["retry-after": "30"], body: Data())
        }
        let clock = TestClock()
        let service = SyncService(
            database: database, client: GatewayClient(transport: transport),
            identity: DeviceIdentity(stateDirectory: directory), stateDirectory: directory, clock: clock,
            logger: Logger(label: "test"))
        var loop = SyncLoop(service: service)
        _ = await loop.step()
        #expect(await transport.count(path: "/v1/device/submissions") == 1)
        for _ in 0..<29 {
            clock.advance(by: .seconds(1))
            _ = await loop.step()
        }
        #expect(await transport.count(path: "/v1/device/submissions") == 1, "no retry before 30 s")
        clock.advance(by: .seconds(1))
        await transport.script { request in
            ScriptedTransport.idle(request) ?? Self.results(for: request, rejecting: [])
        }
        _ = await loop.step()
        #expect(await transport.count(path: "/v1/device/submissions") == 2)
        #expect(try await database.outboxEntries().allSatisfy { $0.deliveredAt != nil })
    }
}
