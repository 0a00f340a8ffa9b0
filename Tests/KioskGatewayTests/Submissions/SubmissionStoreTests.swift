import Foundation
import KioskCore
import KioskProtocol
import Testing

@testable import KioskGateway

/// ``SubmissionStore`` on the private PostgreSQL: exactly-once effect per (device, key), business
/// conflicts across kiosks, rejection by the kiosk's own rules.
@Suite(.serialized) struct SubmissionStoreTests {
    @Test func theSameKeyThreeTimesStoresOneRowAcceptedThenDuplicate() async throws {
        let database = try await TestDatabase.create()
        try await database.sql(SubmissionFixture.devicesSQL(["k1"]))
        let item = try SubmissionFixture.item(SubmissionFixture.mailRequest(key: "key-1"))
        let results = try await database.withGatewayDatabase { gateway in
            let store = SubmissionStore(database: gateway)
            var results: [SubmissionResult] = []
            for _ in 0..<3 { results.append(try await store.store(item, deviceId: "k1")) }
            return results
        }
        #expect(results.map(\.status) == [.accepted, .duplicate, .duplicate])
        #expect(results[0].submissionId != nil)
        #expect(Set(results.map(\.submissionId)).count == 1, "duplicates answer the original id")
        let counts = try await database.sql(
            "SELECT (SELECT count(*) FROM submission), (SELECT count(*) FROM mail_request), "
                + "(SELECT count(*) FROM audit_log WHERE action = 'submission.accepted')")
        #expect(counts == [["1", "1", "1"]])
        try await database.drop()
    }

    @Test func theSameKeyThreeTimesConcurrentlyStoresOneRow() async throws {
        let database = try await TestDatabase.create()
        try await database.sql(SubmissionFixture.devicesSQL(["k1"]))
        let item = try SubmissionFixture.item(SubmissionFixture.mailRequest(key: "key-1"))
        let results = try await database.withGatewayDatabase { gateway in
            let store = SubmissionStore(database: gateway)
            return try await withThrowingTaskGroup(of: SubmissionResult.self) { group in
                for _ in 0..<3 { group.addTask { try await store.store(item, deviceId: "k1") } }
                var results: [SubmissionResult] = []
                for try await result in group { results.append(result) }
                return results
            }
        }
        #expect(results.filter { $0.status == .accepted }.count == 1)
        #expect(results.filter { $0.status == .duplicate }.count == 2)
        #expect(Set(results.map(\.submissionId)).count == 1)
        let counts = try await database.sql(
            "SELECT (SELECT count(*) FROM submission), (SELECT count(*) FROM mail_request)")
        #expect(counts == [["1", "1"]])
        try await database.drop()
    }

    @Test func theSameKeyWithAChangedBodyIsKeyReused() async throws {
        let database = try await TestDatabase.create()
        try await database.sql(SubmissionFixture.devicesSQL(["k1"]))
        let first = try SubmissionFixture.item(SubmissionFixture.mailRequest(key: "key-1"))
        let changed = try SubmissionFixture.item(SubmissionFixture.mailRequest(key: "key-1", address: "体育西路1号"))
        let results = try await database.withGatewayDatabase { gateway in
            let store = SubmissionStore(database: gateway)
            return [try await store.store(first, deviceId: "k1"), try await store.store(changed, deviceId: "k1")]
        }
        #expect(results.map(\.status) == [.accepted, .keyReused])
        #expect(try await database.sql("SELECT address FROM mail_request") == [["天河北路233号"]])
        try await database.drop()
    }

    @Test func theSame办件FromAnotherKioskIsAConflictWithTheFirstSubmission() async throws {
        let database = try await TestDatabase.create()
        try await database.sql(SubmissionFixture.devicesSQL(["k1", "k2"]))
        let fromK1 = try SubmissionFixture.item(SubmissionFixture.mailRequest(key: "a"))
        let fromK2 = try SubmissionFixture.item(SubmissionFixture.mailRequest(key: "b"))
        let rating = Evaluation(
            caseNumber: "DEMO-LJG-0002", level: .satisfied, ratedAt: SubmissionFixture.requestedAt,
            regionCode: "370102", idempotencyKey: "r1")
        var again = rating
        again.idempotencyKey = "r2"
        let results = try await database.withGatewayDatabase { gateway in
            let store = SubmissionStore(database: gateway)
            return [
                try await store.store(fromK1, deviceId: "k1"), try await store.store(fromK2, deviceId: "k2"),
                try await store.store(try SubmissionFixture.item(rating), deviceId: "k1"),
                try await store.store(try SubmissionFixture.item(again), deviceId: "k2"),
            ]
        }
        #expect(results.map(\.status) == [.accepted, .conflict, .accepted, .conflict])
        #expect(results[1].submissionId == results[0].submissionId)
        #expect(results[3].submissionId == results[2].submissionId)
        let counts = try await database.sql(
            "SELECT (SELECT count(*) FROM submission), (SELECT count(*) FROM mail_request), "
                + "(SELECT count(*) FROM evaluation), (SELECT count(*) FROM audit_log)")
        #expect(counts == [["2", "1", "1", "2"]], "a conflicting item is rolled back whole")
        try await database.drop()
    }

    @Test func anInvalidRecordIsRejectedByTheKiosksOwnRules() async throws {
        let database = try await TestDatabase.create()
        try await database.sql(SubmissionFixture.devicesSQL(["k1"]))
        var badPhone = SubmissionFixture.mailRequest(key: "bad")
        badPhone.phone = "12345"
        let notARecord = SubmissionItem(
            idempotencyKey: "junk", kind: .evaluation, createdAt: SubmissionFixture.requestedAt,
            payload: JSONDocument(json: Data(#"{"caseNumber":"X"}"#.utf8)))
        let results = try await database.withGatewayDatabase { gateway in
            let store = SubmissionStore(database: gateway)
            return [
                try await store.store(try SubmissionFixture.item(badPhone), deviceId: "k1"),
                try await store.store(notARecord, deviceId: "k1"),
            ]
        }
        #expect(results.map(\.status) == [.rejected, .rejected])
        #expect(results.allSatisfy { $0.reason?.isEmpty == false && $0.submissionId == nil })
        #expect(try await database.sql("SELECT count(*) FROM submission") == [["0"]])
        try await database.drop()
    }
}
