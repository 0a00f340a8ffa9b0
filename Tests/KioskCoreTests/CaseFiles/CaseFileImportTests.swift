import Foundation
import KioskCore
import Testing

@Suite struct CaseFileImportTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    /// A valid record; tests change one field at a time.
    static func record(_ number: String, _ changes: [String: Any] = [:]) -> [String: Any] {
        var record: [String: Any] = [
            "number": number, "itemName": "营业执照变更登记", "department": "市市场监督管理局", "applicantName": "李建国",
            "applicantIdNumber": "440106198703150016", "statusCode": 8, "acceptedAt": "2026-03-02T09:30:00+08:00",
            "promiseLimit": 5, "promiseUnit": 1, "itemAllowsMail": true, "mailFlagged": true,
            "pauses": [["kind": "correction", "start": "20260303T100000", "end": "20260305T160000"]],
            "steps": [["name": "受理", "start": "2026-03-02T09:30:00+08:00"]],
        ]
        for (key, value) in changes { record[key] = value }
        return record
    }

    static func file(_ records: [[String: Any]]) throws -> Data {
        try JSONSerialization.data(withJSONObject: ["version": 1, "applications": records])
    }

    @Test func aValidFileParsesEveryField() throws {
        let data = try Self.file([
            Self.record("A-1", ["queryPassword": "234765", "agentIdNumber": "11010519491231002x", "resultCode": 0])
        ])
        let content = try CaseFileImport.parse(data, now: Self.now)
        let caseFile = try #require(content.caseFiles.first)
        #expect(caseFile.number == "A-1")
        #expect(caseFile.agentIdNumber == "11010519491231002X")
        #expect(caseFile.timeLimit == TimeLimit(5, .workingDays))
        #expect(caseFile.pauses.count == 1 && caseFile.pauses[0].kind == .correction)
        #expect(caseFile.isMailEligible)
        #expect(caseFile.queryPasswordHash?.contains("234765") == false)
        #expect(caseFile.acceptsQueryPassword("234765"))
        #expect(!caseFile.acceptsQueryPassword("234766"))
        #expect(caseFile.acceptedAt == CivilDate(iso: "2026-03-02")!.startOfDay!.addingTimeInterval(9.5 * 3600))
    }

    struct BadRecord: CustomTestStringConvertible, Sendable {
        var change: String
        var value: String
        var field: String
        var testDescription: String { "\(change)=\(value) → \(field)" }
    }

    @Test(arguments: [
        BadRecord(change: "statusCode", value: "\"eight\"", field: "statusCode"),
        BadRecord(change: "statusCode", value: "99", field: "statusCode"),
        BadRecord(change: "resultCode", value: "42", field: "resultCode"),
        BadRecord(change: "applicantIdNumber", value: "\"440106198703150017\"", field: "applicantIdNumber"),
        BadRecord(change: "applicantIdNumber", value: "\"440106198702300016\"", field: "applicantIdNumber"),
        BadRecord(change: "agentIdNumber", value: "\"12345\"", field: "agentIdNumber"),
        BadRecord(change: "promiseUnit", value: "6", field: "promiseUnit"),
        BadRecord(change: "acceptedAt", value: "\"yesterday\"", field: "acceptedAt"),
        BadRecord(change: "mailFlagged", value: "\"yes\"", field: "mailFlagged"),
        BadRecord(change: "colour", value: "\"red\"", field: "colour"),
        BadRecord(
            change: "pauses", value: #"[{"kind": "lunch", "start": "20260303T100000"}]"#, field: "pauses[0].kind"),
        BadRecord(
            change: "pauses", value: #"[{"kind": "correction", "start": "20260305T100000", "end": "20260303T100000"}]"#,
            field: "pauses[0].end"),
    ])
    func aBadFieldNamesRecordAndField(_ bad: BadRecord) throws {
        let value = try JSONSerialization.jsonObject(with: Data(bad.value.utf8), options: [.fragmentsAllowed])
        let data = try Self.file([Self.record("OK-1"), Self.record("BAD-2", [bad.change: value])])
        let error = try #require(throws: CaseFileImportError.self) {
            try CaseFileImport.parse(data, now: Self.now)
        }
        #expect(error.index == 1)
        #expect(error.number == "BAD-2")
        #expect(error.field == bad.field)
        #expect(error.description.hasPrefix("applications[1] (BAD-2), field \(bad.field)"))
    }

    @Test(arguments: ["", "has space", "中文编号", String(repeating: "A", count: 51)])
    func badCaseNumbersAreRefused(_ number: String) throws {
        let data = try Self.file([Self.record(number)])
        let error = try #require(throws: CaseFileImportError.self) {
            try CaseFileImport.parse(data, now: Self.now)
        }
        #expect(error.field == "number")
    }

    @Test func aDuplicateNumberIsRefused() throws {
        let data = try Self.file([Self.record("DUP-1"), Self.record("X-2"), Self.record("DUP-1")])
        let error = try #require(throws: CaseFileImportError.self) {
            try CaseFileImport.parse(data, now: Self.now)
        }
        #expect(error.index == 2)
        #expect(error.field == "number")
        #expect(error.problem.contains("duplicate"))
    }

    @Test func nothingIsStoredAfterOneBadRecord() async throws {
        let database = try AppDatabase.inMemory()
        let good = try Self.file([Self.record("G-1"), Self.record("G-2")])
        try await database.importCaseFiles(try CaseFileImport.parse(good, now: Self.now))
        let bad = try Self.file([Self.record("N-1"), Self.record("N-2", ["applicantIdNumber": "110105194912310021"])])
        // The import path: parse everything, then store in one transaction.
        await #expect(throws: CaseFileImportError.self) {
            try await database.importCaseFiles(try CaseFileImport.parse(bad, now: Self.now))
        }
        #expect(try await database.caseFileCount() == 2)
        #expect(try await database.caseFile(number: "N-1") == nil)
    }

    @Test func lookupFindsApplicantAndAgentCases() async throws {
        let database = try AppDatabase.inMemory()
        let data = try Self.file([
            Self.record("OWN-1"),
            Self.record("AGENT-1", ["applicantIdNumber": "11010519491231002X", "agentIdNumber": "440106198703150016"]),
            Self.record("OTHER-1", ["applicantIdNumber": "510107199001010034"]),
        ])
        try await database.importCaseFiles(try CaseFileImport.parse(data, now: Self.now))
        let found = try await database.caseFiles(forIdNumber: "440106198703150016").map(\.number).sorted()
        #expect(found == ["AGENT-1", "OWN-1"])
        #expect(try await database.caseFiles(forIdNumber: "330102196207040045").isEmpty)
    }

    @Test(arguments: [
        "2026-03-02T09:30:00+08:00", "2026-03-02T01:30:00Z", "20260302T093000", "2026-03-02T09:30:00.000+08:00",
    ])
    func timesInBothFormats(_ text: String) throws {
        let expected = CivilDate(iso: "2026-03-02")!.startOfDay!.addingTimeInterval(9.5 * 3600)
        #expect(CaseFileImport.parseTime(text) == expected)
    }
}
