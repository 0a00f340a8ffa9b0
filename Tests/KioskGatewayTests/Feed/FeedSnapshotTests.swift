import Foundation
import KioskProtocol
import Testing

@testable import KioskGateway

/// ``FeedSnapshot`` paging and the hand-over to the change feed at C0.
@Suite(.serialized) struct FeedSnapshotTests {
    @Test func pagesCoverTheScopeAndTheLastCursorContinuesTheFeed() async throws {
        let database = try await TestDatabase.create()
        try await database.sql(
            """
            INSERT INTO site (id, region_code) VALUES ('hall-1', '370102');
            INSERT INTO device (id, site_id, region_code) VALUES ('a', 'hall-1', '370102');
            INSERT INTO case_file (number, region_code, record, version) VALUES
                ('C3', '370103', '{"n":3}', 3), ('C1', '370102', '{"n":1}', 1), ('C2', '370105', '{"n":2}', 2),
                ('X9', '440106', '{"n":9}', 9);
            INSERT INTO service_item (code, record, version) VALUES ('S1', '{}', 4), ('S2', '{}', 5);
            INSERT INTO change_log (entity, key, op, version, record) VALUES ('caseFile', 'C1', 'upsert', 1, '{}');
            """)
        let (pages, after) = try await database.withGatewayDatabase { gateway in
            let snapshot = FeedSnapshot(database: gateway, pageSize: 2)
            var pages: [SnapshotPage] = []
            var token: String? = nil
            repeat {
                let page = try await snapshot.page(token: token, deviceId: "a")
                pages.append(page)
                token = page.nextPage
            } while token != nil && pages.count < 10
            // A change written after the snapshot began comes from the feed at the last page's cursor.
            try await database.sql(
                "INSERT INTO change_log (entity, key, op, version, scope_region) VALUES ('caseFile', 'C2', 'delete', 10, '370105')"
            )
            let cursor = try #require(pages.last?.cursor)
            try await FeedVisibility.settle(gateway)
            let after = try await FeedReader(database: gateway).page(after: cursor, deviceId: "a", limit: 10)
            return (pages, after)
        }
        #expect(pages.flatMap(\.records).map(\.key) == ["C1", "C2", "C3", "S1", "S2"])
        #expect(pages.dropLast().allSatisfy { $0.cursor == nil && $0.records.count == 2 })
        #expect(pages.last?.nextPage == nil)
        // C0 is the cluster's xmin when paging began: the earlier C1 row is behind it unless another
        // suite's transaction was open then (a record may then arrive twice; the kiosk keeps the newer).
        #expect(after.changes.filter { $0.key != "C1" }.map(\.key) == ["C2"], "the new row comes after C0")
        #expect(after.changes.last?.op == .delete)
        try await database.drop()
    }

    @Test func aPageTokenFromAnotherEpochIsGone() async throws {
        let database = try await TestDatabase.create()
        try await database.sql(
            "INSERT INTO site (id, region_code) VALUES ('hall-1', '370102');"
                + "INSERT INTO device (id, site_id, region_code) VALUES ('a', 'hall-1', '370102');")
        let foreign = SnapshotToken(epoch: UUID(), startXid: 1, part: .serviceItem, afterKey: "S1").token
        #expect(SnapshotToken(token: foreign)?.afterKey == "S1")
        await #expect(throws: FeedCursorGone.self) {
            try await database.withGatewayDatabase { gateway in
                try await FeedSnapshot(database: gateway).page(token: foreign, deviceId: "a")
            }
        }
        try await database.drop()
    }
}
