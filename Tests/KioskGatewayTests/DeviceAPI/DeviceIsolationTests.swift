import Foundation
import KioskProtocol
import Testing

/// Device A cannot act for device B: the device id is the client certificate's, never a field of
/// a request, so B neither sees A's mail statuses nor receives A's commands, and a submission with
/// A's key from B is B's own (the 办件 already has A's request: a conflict, not a takeover).
@Suite(.serialized) struct DeviceIsolationTests {
    @Test func aKioskSeesAndDoesOnlyItsOwn() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let deviceA = try await TestDevice.enroll(id: "kiosk-a", gateway: gateway)
        let deviceB = try await TestDevice.enroll(id: "kiosk-b", gateway: gateway)
        let item = try SubmissionFixture.item(SubmissionFixture.mailRequest(key: "key-a"))
        let body = try ProtocolCoding.encoder().encode(SubmissionBatch(items: [item]))
        let fromA = try await deviceA.request("POST", "/v1/device/submissions", json: body)
        let resultA = try ProtocolCoding.decoder().decode(SubmissionResults.self, from: fromA.body)
        #expect(resultA.results.map(\.status) == [.accepted])
        let fromB = try await deviceB.request("POST", "/v1/device/submissions", json: body)
        let resultB = try ProtocolCoding.decoder().decode(SubmissionResults.self, from: fromB.body)
        #expect(resultB.results.map(\.status) == [.conflict], "B's copy does not replace A's request")
        #expect(resultB.results.first?.submissionId == resultA.results.first?.submissionId)
        #expect(
            try await database.sql("SELECT device_id FROM mail_request") == [["kiosk-a"]],
            "the request stays A's")

        let snapshotA = try ProtocolCoding.decoder().decode(
            SnapshotPage.self, from: try await deviceA.request("GET", "/v1/device/snapshot").body)
        let snapshotB = try ProtocolCoding.decoder().decode(
            SnapshotPage.self, from: try await deviceB.request("GET", "/v1/device/snapshot").body)
        #expect(snapshotA.records.filter { $0.entity == .mailStatus }.map(\.key) == ["key-a"])
        #expect(snapshotB.records.filter { $0.entity == .mailStatus }.isEmpty, "B never sees A's mail status")

        try await database.sql(
            """
            INSERT INTO device_command (id, device_id, kind, created_by, deadline)
            VALUES (gen_random_uuid(), 'kiosk-a', 'restartApp', 'admin', now() + interval '1 hour')
            """)
        let heartbeat = try ProtocolCoding.encoder().encode(HeartbeatStoreTests.report())
        let answerB = try ProtocolCoding.decoder().decode(
            HeartbeatResponse.self,
            from: try await deviceB.request("POST", "/v1/device/heartbeat", json: heartbeat).body)
        #expect(answerB.commands.isEmpty, "A's command is not B's")
        let answerA = try ProtocolCoding.decoder().decode(
            HeartbeatResponse.self,
            from: try await deviceA.request("POST", "/v1/device/heartbeat", json: heartbeat).body)
        #expect(answerA.commands.map(\.kind) == [.restartApp])
        // The device API's own metrics count what was answered.
        let metrics = try await Curl.request("GET", gateway.consoleURL + "/metrics").text
        #expect(
            metrics.contains(#"kiosk_gateway_device_requests_total{route="heartbeat",status="2xx"} 2"#), "\(metrics)")
        #expect(metrics.contains(#"kiosk_gateway_device_request_duration_seconds_count{route="submissions"} 2"#))
        await gateway.stop()
        try await database.drop()
    }
}
