import Foundation
import KioskProtocol
import Testing

/// `GET /v1/device/changes` and `/v1/device/snapshot` on the real binary over mTLS.
@Suite(.serialized) struct ChangeRouteTests {
    @Test func aBadCursorIs410AndTheSnapshotCursorContinues() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let device = try await TestDevice.enroll(id: "kiosk-a", gateway: gateway)
        try await database.sql(
            "INSERT INTO service_item (code, record, version) VALUES ('S1', '{\"name\":\"x\"}', 1)")

        let bad = try await device.request("GET", "/v1/device/changes?cursor=nonsense")
        #expect(bad.status == 410)
        let gone = try JSONDecoder().decode(CursorGone.self, from: bad.body)
        #expect(!gone.reason.isEmpty)
        #expect(try await device.request("GET", "/v1/device/changes?limit=5000").status == 400)

        let snapshot = try await device.request("GET", "/v1/device/snapshot")
        #expect(snapshot.status == 200)
        let page = try ProtocolCoding.decoder().decode(SnapshotPage.self, from: snapshot.body)
        #expect(page.records.map(\.key) == ["S1"])
        let cursor = try #require(page.cursor)
        try await database.sql(
            "INSERT INTO change_log (entity, key, op, version) VALUES ('serviceItem', 'S1', 'delete', 2)")
        // Other suites' transactions on the cluster hold the feed back until they end.
        try await database.withGatewayDatabase { try await FeedVisibility.settle($0) }
        let changes = try await device.request("GET", "/v1/device/changes?cursor=\(cursor)")
        #expect(changes.status == 200)
        let feed = try ProtocolCoding.decoder().decode(ChangePage.self, from: changes.body)
        #expect(feed.changes.map(\.op) == [.delete])
        await gateway.stop()
        try await database.drop()
    }
}
