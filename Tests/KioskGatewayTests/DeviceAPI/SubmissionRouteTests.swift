import Foundation
import KioskProtocol
import Testing

/// `POST /v1/device/submissions` on the real binary over mTLS.
@Suite(.serialized) struct SubmissionRouteTests {
    @Test func aBatchIsAnsweredPerItemAndMoreThan100ItemsIs413() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let device = try await TestDevice.enroll(id: "kiosk-a", gateway: gateway)
        let item = try SubmissionFixture.item(SubmissionFixture.mailRequest(key: "key-1"))
        let body = try ProtocolCoding.encoder().encode(SubmissionBatch(items: [item, item]))

        let reply = try await device.request("POST", "/v1/device/submissions", json: body)
        #expect(reply.status == 200)
        let results = try ProtocolCoding.decoder().decode(SubmissionResults.self, from: reply.body)
        #expect(results.results.map(\.status) == [.accepted, .duplicate])
        #expect(try await database.sql("SELECT device_id FROM submission") == [["kiosk-a"]])

        let tooMany = try ProtocolCoding.encoder().encode(
            SubmissionBatch(items: Array(repeating: item, count: SubmissionBatch.maximumItems + 1)))
        let refused = try await device.request("POST", "/v1/device/submissions", json: tooMany)
        #expect(refused.status == 413)
        #expect(refused.headers["content-type"] == "application/problem+json")
        await gateway.stop()
        try await database.drop()
    }
}
