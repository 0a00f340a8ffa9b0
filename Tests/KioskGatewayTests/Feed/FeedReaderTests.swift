import Foundation
import KioskProtocol
import Testing

@testable import KioskGateway

/// ``FeedReader`` scope, tombstones, cursors that cannot continue, and pruning.
@Suite(.serialized) struct FeedReaderTests {
    private static let setUp =
        "INSERT INTO site (id, region_code) VALUES ('hall-1', '370102');"
        + "INSERT INTO device (id, site_id, region_code) VALUES ('a', 'hall-1', '370102'), ('b', 'hall-1', '440106');"

    private static func append(_ sql: String) -> String {
        "INSERT INTO change_log (entity, key, op, version, scope_region, scope_device, record) VALUES " + sql
    }

    @Test func aDeviceSeesItsCityEveryoneAndItsOwnRowsAndTombstones() async throws {
        let database = try await TestDatabase.create()
        try await database.sql(Self.setUp)
        try await database.sql(
            Self.append(
                """
                ('caseFile', 'C1', 'upsert', 1, '370105', NULL, '{"n":1}'),
                ('caseFile', 'C2', 'upsert', 2, '440106', NULL, '{"n":2}'),
                ('serviceItem', 'S1', 'upsert', 3, NULL, NULL, '{"n":3}'),
                ('mailStatus', 'key-a', 'upsert', 4, NULL, 'a', '{"status":"posted"}'),
                ('mailStatus', 'key-b', 'upsert', 5, NULL, 'b', '{"status":"posted"}'),
                ('caseFile', 'C1', 'delete', 6, '370105', NULL, NULL)
                """))
        let (pageA, pageB) = try await database.withGatewayDatabase { gateway in
            try await FeedVisibility.settle(gateway)
            let reader = FeedReader(database: gateway)
            return (
                try await reader.page(after: nil, deviceId: "a", limit: 500),
                try await reader.page(after: nil, deviceId: "b", limit: 500)
            )
        }
        #expect(pageA.changes.map(\.key) == ["C1", "S1", "key-a", "C1"])
        #expect(pageB.changes.map(\.key) == ["C2", "S1", "key-b"], "B never sees A's mail statuses")
        let tombstone = try #require(pageA.changes.last)
        #expect(tombstone.op == .delete && tombstone.record == nil && tombstone.version == 6)
        #expect(pageA.changes.first?.record?.json == Data(#"{"n": 1}"#.utf8))
        #expect(!pageA.hasMore)
        try await database.drop()
    }

    @Test func pagesContinueFromTheCursorAndHasMoreSaysSo() async throws {
        let database = try await TestDatabase.create()
        try await database.sql(Self.setUp)
        try await database.sql(
            Self.append(
                (1...5).map { "('caseFile', 'C\($0)', 'upsert', \($0), NULL, NULL, '{}')" }.joined(separator: ",")))
        let keys = try await database.withGatewayDatabase { gateway in
            try await FeedVisibility.settle(gateway)
            let reader = FeedReader(database: gateway)
            let first = try await reader.page(after: nil, deviceId: "a", limit: 3)
            let second = try await reader.page(after: first.nextCursor, deviceId: "a", limit: 3)
            let third = try await reader.page(after: second.nextCursor, deviceId: "a", limit: 3)
            #expect(first.hasMore && !second.hasMore && third.changes.isEmpty)
            #expect(third.nextCursor == second.nextCursor)
            return (first.changes + second.changes).map(\.key)
        }
        #expect(keys == ["C1", "C2", "C3", "C4", "C5"])
        try await database.drop()
    }

    @Test(arguments: ["garbage", "djEu", FeedCursor(epoch: UUID(), xid: 1, seq: 1).token])
    func aBadOrForeignCursorIsGone(token: String) async throws {
        let database = try await TestDatabase.create()
        try await database.sql(Self.setUp)
        await #expect(throws: FeedCursorGone.self) {
            try await database.withGatewayDatabase { gateway in
                try await FeedReader(database: gateway).page(after: token, deviceId: "a", limit: 10)
            }
        }
        try await database.drop()
    }

    @Test func pruningMovesTheHorizonAndAnOlderCursorIsGone() async throws {
        let database = try await TestDatabase.create()
        try await database.sql(Self.setUp)
        try await database.sql(Self.append("('caseFile', 'old', 'upsert', 1, NULL, NULL, '{}')"))
        try await database.sql("UPDATE change_log SET committed_at = now() - interval '40 days'")
        try await database.sql(Self.append("('caseFile', 'new', 'upsert', 2, NULL, NULL, '{}')"))
        try await database.withGatewayDatabase { gateway in
            try await FeedVisibility.settle(gateway)
            let reader = FeedReader(database: gateway)
            let start = try await reader.page(after: nil, deviceId: "a", limit: 1)
            #expect(start.changes.map(\.key) == ["old"])
            let deleted = try await FeedPruner(database: gateway, retentionDays: 30).prune()
            #expect(deleted == 1)
            #expect(try await FeedPruner(database: gateway, retentionDays: 30).prune() == 0)
            // The cursor after "old" is at the horizon: it continues.
            let next = try await reader.page(after: start.nextCursor, deviceId: "a", limit: 10)
            #expect(next.changes.map(\.key) == ["new"])
            // From the start (before the horizon): gone.
            await #expect(throws: FeedCursorGone.self) {
                try await reader.page(after: nil, deviceId: "a", limit: 10)
            }
        }
        try await database.drop()
    }
}
