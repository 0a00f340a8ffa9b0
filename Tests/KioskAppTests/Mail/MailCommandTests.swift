import Foundation
import KioskCore
import Testing

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

    @Test func listIsMaskedAndMarkSentMovesTheState() async throws {
        let state = try await stateWithRequests(1)
        let marked = try await KioskProcess.run([
            "mail", "mark-sent", "1", "--waybill", "EA123456789CN", "--state-directory", state,
        ])
        #expect(marked.status == 0, "\(marked.stderr)")
        let list = try await KioskProcess.run(["mail", "list", "--json", "--status", "posted", "--state-directory", state])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(!list.stdout.contains("13800138000") && !list.stdout.contains("测试收件人") && !list.stdout.contains("文三路"))
        #expect(list.stdout.contains("138****8000") && list.stdout.contains("EA123456789CN"))
        let none = try await KioskProcess.run(["mail", "list", "--json", "--status", "requested", "--state-directory", state])
        let rows = try JSONSerialization.jsonObject(with: Data(none.stdout.utf8)) as? [Any]
        #expect(rows?.isEmpty == true)
    }
}
