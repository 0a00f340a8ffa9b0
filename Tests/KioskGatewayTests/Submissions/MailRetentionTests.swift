import Foundation
import Testing

@testable import KioskGateway

/// Personal data of a handed-over mail request is purged after the configured days, once, audited;
/// requests not yet handed over keep theirs whatever their age.
@Suite(.serialized) struct MailRetentionTests {
    @Test func personalDataGoesDaysAfterHandOverAndOnlyThen() async throws {
        let database = try await TestDatabase.create()
        try await database.sql(SubmissionFixture.devicesSQL(["k1"]))
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        try await database.withGatewayDatabase { gateway in
            let store = SubmissionStore(database: gateway)
            for index in 1...3 {
                let item = try SubmissionFixture.item(
                    SubmissionFixture.mailRequest(case: "DEMO-R-000\(index)", key: "key-\(index)"))
                _ = try await store.store(item, deviceId: "k1")
            }
        }
        // 1: handed over 31 days ago; 2: 29 days ago; 3: never handed over (and old).
        try await database.sql(
            """
            UPDATE mail_request SET status = 'posted', waybill_number = 'EA1234567CN',
                handed_over_at = to_timestamp(\(Int(now.timeIntervalSince1970))) - interval '31 days'
            WHERE case_number = 'DEMO-R-0001';
            UPDATE mail_request SET status = 'posted', waybill_number = 'EA7654321CN',
                handed_over_at = to_timestamp(\(Int(now.timeIntervalSince1970))) - interval '29 days'
            WHERE case_number = 'DEMO-R-0002';
            UPDATE mail_request SET requested_at = now() - interval '400 days' WHERE case_number = 'DEMO-R-0003';
            """)
        let purged = try await database.withGatewayDatabase { gateway in
            let retention = MailRetention(database: gateway, days: 30)
            return [try await retention.purge(now: now), try await retention.purge(now: now)]
        }
        #expect(purged == [1, 0], "once")
        #expect(
            try await database.sql(
                """
                SELECT case_number, recipient_name IS NULL, phone IS NULL, address IS NULL, waybill_number
                FROM mail_request ORDER BY case_number
                """)
                == [
                    ["DEMO-R-0001", "t", "t", "t", "EA1234567CN"], ["DEMO-R-0002", "f", "f", "f", "EA7654321CN"],
                    ["DEMO-R-0003", "f", "f", "f", nil],
                ])
        #expect(
            try await database.sql("SELECT count(*) FROM audit_log WHERE action = 'mail.purge-personal-data'")
                == [["1"]])
        try await database.drop()
    }
}
