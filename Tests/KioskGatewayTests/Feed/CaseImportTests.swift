import Foundation
import KioskTestSupport
import Testing

/// `kiosk-gateway cases import|withdraw` on the real binary: one transaction, one change each,
/// the kiosk's own validation, tombstones.
@Suite(.serialized) struct CaseImportTests {
    static func record(_ number: String, _ changes: [String: Any] = [:]) -> [String: Any] {
        var record: [String: Any] = [
            "number": number, "itemName": "营业执照变更登记", "itemCode": "S-1", "department": "市市场监督管理局",
            "applicantName": "李建国", "applicantIdNumber": "440106198703150016", "statusCode": 8,
            "acceptedAt": "2026-03-02T09:30:00+08:00", "promiseLimit": 5, "promiseUnit": 1,
            "itemAllowsMail": true, "mailFlagged": true,
        ]
        for (key, value) in changes { record[key] = value }
        return record
    }

    static func write(_ records: [[String: Any]], to directory: URL) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: ["version": 1, "applications": records])
        let path = directory.appendingPathComponent("cases-\(UUID().uuidString.prefix(6)).json").path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func importStoresEverythingOnceAndWithdrawLeavesATombstone() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let file = try Self.write([Self.record("A-1"), Self.record("A-2")], to: gateway.directory)

        let imported = try await gateway.cli(["cases", "import", file, "--region", "370102"])
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(
            try await database.sql("SELECT number, region_code, record->>'number' FROM case_file ORDER BY number")
                == [["A-1", "370102", "A-1"], ["A-2", "370102", "A-2"]])
        #expect(
            try await database.sql(
                "SELECT key, op, scope_region FROM change_log c JOIN case_file f ON f.number = c.key "
                    + "AND f.version = c.version ORDER BY key") == [
                    ["A-1", "upsert", "370102"], ["A-2", "upsert", "370102"],
                ])

        let withdrawn = try await gateway.cli(["cases", "withdraw", "A-1"])
        #expect(withdrawn.status == 0, "\(withdrawn.standardError)")
        #expect(try await database.sql("SELECT number FROM case_file") == [["A-2"]])
        #expect(
            try await database.sql("SELECT op, record IS NULL FROM change_log WHERE key = 'A-1' ORDER BY seq")
                == [["upsert", "f"], ["delete", "t"]])
        #expect(try await gateway.cli(["cases", "withdraw", "A-1"]).status != 0)
        await gateway.stop()
        try await database.drop()
    }

    @Test func anInvalidRecordNamesRecordAndFieldAndStoresNothing() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let file = try Self.write(
            [Self.record("B-1"), Self.record("B-2", ["applicantIdNumber": "440106198703150017"])],
            to: gateway.directory)

        let refused = try await gateway.cli(["cases", "import", file, "--region", "370102"])
        #expect(refused.status != 0)
        let message = refused.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(message.contains("applicantIdNumber") && message.contains("B-2"), "\(message)")
        #expect(!message.contains("\n"), "one line")
        #expect(try await gateway.cli(["cases", "import", file, "--region", "12345"]).status != 0)
        #expect(try await database.sql("SELECT count(*) FROM case_file") == [["0"]])
        #expect(try await database.sql("SELECT count(*) FROM change_log") == [["0"]])
        await gateway.stop()
        try await database.drop()
    }
}
