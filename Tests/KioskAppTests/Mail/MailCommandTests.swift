import Foundation
import GRDB
import KioskCore
import Testing

@testable import KioskApp

/// `kiosk mail …` through the real binary.
@Suite struct MailCommandTests {
    func stateWithRequests(_ count: Int) async throws -> String {
        let state = try KioskProcess.makeStateDirectory()
        let result = try await KioskProcess.run([
            "mail", "submit-demo", "--count", String(count), "--prefix", "M", "--state-directory", state,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == count)
        return state
    }

    @Test func exportCreatesAPrivateFileAndRefusesToOverwrite() async throws {
        let state = try await stateWithRequests(2)
        let output = state + "/export.csv"
        let first = try await KioskProcess.run([
            "mail", "export", "--format", "csv", "--output", output, "--state-directory", state,
        ])
        #expect(first.status == 0, "\(first.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: output)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let csv = try String(contentsOfFile: output, encoding: .utf8)
        #expect(csv.hasPrefix("id,caseNumber,status,recipientName,phone"))
        #expect(csv.contains("13800138000") && csv.contains("文三路90号"))
        #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 3)

        let again = try await KioskProcess.run(["mail", "export", "--output", output, "--state-directory", state])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already exists"))
        #expect(try String(contentsOfFile: output, encoding: .utf8) == csv)

        // --force replaces it, still 0600 even when the old file was world-readable.
        chmod(output, 0o644)
        let forced = try await KioskProcess.run([
            "mail", "export", "--format", "json", "--output", output, "--force", "--state-directory", state,
        ])
        #expect(forced.status == 0, "\(forced.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: output)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let rows =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [[String: Any]]
        #expect(rows?.count == 2)
    }

    @Test func csvExportNeutralisesFormulasAndQuotesHostileCells() async throws {
        let state = try KioskProcess.makeStateDirectory()
        let database = try AppDatabase.open(directory: state)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        // Accepted by the form's validation: a case number may start with `-`, a name or an address
        // with `=`, `+` or `@`, and an address may hold quotes, commas and a line break.
        let valid = MailRequest(
            caseNumber: "-2-3", idempotencyKey: "hostile-1", recipientName: "=HYPERLINK(\"http://e.cn/\",\"点\")",
            phone: "13800138000", regionCode: "110101", address: "北京市东城区\"东四\",北大街1号\r\n=1+1",
            postcode: "", certificateName: "@SUM(A1:A2)", requestedAt: now)
        _ = try await database.submitMailRequest(valid, terminalId: "T-01")
        // Stored without the form (as a sync could): leading tab and CR, and signed numbers.
        let raw = MailRequest(
            caseNumber: "M-2", idempotencyKey: "hostile-2", recipientName: "+1", phone: "\t=1", regionCode: "110101",
            address: "\r=1", postcode: "-2+3", certificateName: "营业执照", requestedAt: now.addingTimeInterval(1))
        try await database.writer.write { db in
            var row = raw
            try row.insert(db)
        }

        let result = try await KioskProcess.run(["mail", "export", "--format", "csv", "--state-directory", state])
        #expect(result.status == 0, "\(result.stderr)")
        let records = CSVRecords.parse(result.stdout)
        #expect(records.count == 3, "\(result.stdout)")
        #expect(records.allSatisfy { $0.count == MailExportRow.header.count }, "\(records)")
        guard records.count == 3 else { return }
        let (first, second) = (records[1], records[2])
        #expect(first[1] == "'-2-3")
        #expect(first[3] == "'=HYPERLINK(\"http://e.cn/\",\"点\")")
        #expect(first[6] == "北京市东城区\"东四\",北大街1号\r\n=1+1")
        #expect(first[8] == "'@SUM(A1:A2)")
        #expect(second[3] == "'+1" && second[4] == "'\t=1" && second[6] == "'\r=1" && second[7] == "'-2+3")
        #expect(second[8] == "营业执照")
        #expect(!records.joined().contains(where: CSVRecords.isFormula), "\(records)")
    }

    @Test func listIsMaskedAndMarkSentMovesTheState() async throws {
        let state = try await stateWithRequests(1)
        let marked = try await KioskProcess.run([
            "mail", "mark-sent", "1", "--waybill", "EA123456789CN", "--state-directory", state,
        ])
        #expect(marked.status == 0, "\(marked.stderr)")
        let list = try await KioskProcess.run([
            "mail", "list", "--json", "--status", "posted", "--state-directory", state,
        ])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(!list.stdout.contains("13800138000") && !list.stdout.contains("测试收件人") && !list.stdout.contains("文三路"))
        #expect(list.stdout.contains("138****8000") && list.stdout.contains("EA123456789CN"))
        let none = try await KioskProcess.run([
            "mail", "list", "--json", "--status", "requested", "--state-directory", state,
        ])
        let rows = try JSONSerialization.jsonObject(with: Data(none.stdout.utf8)) as? [Any]
        #expect(rows?.isEmpty == true)
    }
}
