import Foundation
import KioskProtocol
import KioskTestSupport
import Testing

@testable import KioskGateway

/// A dump restored into another cluster keeps `change_log.xid` but not the cluster's id counter;
/// the gateway must notice and start a new epoch, or kiosks would skip every new change silently.
@Suite(.serialized) struct FeedEpochGuardTests {
    @Test func aFeedWrittenByThisClusterIsLeftAlone() async throws {
        let database = try await TestDatabase.create()
        try await database.sql(
            "INSERT INTO change_log (entity, key, op, version) VALUES ('serviceItem', 'S1', 'delete', 1)")
        let before = try await database.sql("SELECT epoch FROM feed_epoch")
        let rotated = try await database.withGatewayDatabase {
            try await FeedEpochGuard(database: $0).rotateIfRestored()
        }
        #expect(!rotated)
        #expect(try await database.sql("SELECT epoch FROM feed_epoch") == before)
        try await database.drop()
    }

    @Test func servingARestoredDumpStartsANewEpochAndOldCursorsGet410() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let device = try await TestDevice.enroll(id: "kiosk-restore", gateway: gateway)
        let snapshot = try await device.request("GET", "/v1/device/snapshot")
        let cursor = try #require(try ProtocolCoding.decoder().decode(SnapshotPage.self, from: snapshot.body).cursor)
        await gateway.stop()

        // What a dump from an older, busier cluster looks like here: ids this cluster has not reached.
        try await database.sql(
            """
            INSERT INTO change_log (xid, entity, key, op, version)
            VALUES ((pg_snapshot_xmax(pg_current_snapshot())::text::bigint + 5000000)::text::xid8,
                'serviceItem', 'S1', 'delete', 1)
            """)
        let oldEpoch = try await database.sql("SELECT epoch FROM feed_epoch")
        let restarted = try await RunningGateway.start(database: database, sharingCAWith: gateway)
        var audited = false
        for _ in 0..<40 where !audited {
            audited =
                try await database.sql("SELECT count(*) FROM audit_log WHERE action = 'feed.new-epoch'") == [["1"]]
            if !audited { try await Task.sleep(for: .milliseconds(250)) }
        }
        #expect(audited, "serve rotated the epoch by itself")
        #expect(try await database.sql("SELECT epoch FROM feed_epoch") != oldEpoch)
        #expect(try await database.sql("SELECT DISTINCT xid::text FROM change_log") == [["0"]])
        let again = TestDevice(id: device.id, gateway: restarted, directory: device.directory)
        let gone = try await again.request("GET", "/v1/device/changes?cursor=\(cursor)")
        #expect(gone.status == 410, "\(gone.text)")
        #expect(restarted.log.contains("another cluster"))

        // By hand (after PITR): one more epoch, audited with the CLI as actor.
        let manual = try await restarted.cli(["feed", "new-epoch"])
        #expect(manual.status == 0, "\(manual.standardError)")
        #expect(
            try await database.sql("SELECT actor FROM audit_log WHERE action = 'feed.new-epoch' ORDER BY id")
                == [["kiosk-gateway"], ["cli"]])
        await restarted.stop()
        try await database.drop()
    }
}
