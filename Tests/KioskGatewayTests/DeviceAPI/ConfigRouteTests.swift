import Foundation
import KioskProtocol
import Testing

/// `GET /v1/device/config` on the real binary: merged settings, ETag, 304, a new version on change.
@Suite(.serialized) struct ConfigRouteTests {
    @Test func groupsMergeInOrderAndTheETagAnswers304UntilSomethingChanges() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        try await database.sql("INSERT INTO device_group (id) VALUES ('hall') ON CONFLICT DO NOTHING")
        let device = try await TestDevice.enroll(id: "kiosk-a", gateway: gateway, groups: ["hall"])
        try await database.sql(
            """
            INSERT INTO config_version (group_id, version, settings, created_by) VALUES
                ('default', 1, '{"idle":60,"lang":"zh"}', 'admin'), ('default', 2, '{"idle":90,"lang":"zh"}', 'admin'),
                ('hall', 1, '{"idle":30}', 'admin');
            INSERT INTO announcement (group_id, text, valid_from, valid_to, created_by) VALUES
                ('hall', '今日下午停电检修', now() - interval '1 hour', now() + interval '1 hour', 'admin'),
                ('hall', '已过期', now() - interval '2 hour', now() - interval '1 hour', 'admin');
            """)
        let first = try await device.request("GET", "/v1/device/config")
        #expect(first.status == 200)
        let document = try ProtocolCoding.decoder().decode(DeviceConfigDocument.self, from: first.body)
        #expect(document.settings["idle"] == .integer(30) && document.settings["lang"] == .string("zh"))
        #expect(document.announcements.map(\.text) == ["今日下午停电检修"])
        let etag = try #require(first.headers["etag"])
        #expect(etag == "\"\(document.version)\"")

        let cached = try await device.request("GET", "/v1/device/config", headers: ["If-None-Match": etag])
        #expect(cached.status == 304)
        try await database.sql(
            "INSERT INTO config_version (group_id, version, settings, created_by) VALUES ('hall', 2, '{}', 'admin')")
        let changed = try await device.request("GET", "/v1/device/config", headers: ["If-None-Match": etag])
        #expect(changed.status == 200)
        #expect(changed.headers["etag"] != etag)
        await gateway.stop()
        try await database.drop()
    }
}
