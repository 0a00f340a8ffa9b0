import Foundation
import Testing

/// `kiosk doctor` through the real binary: each broken part is a finding with a hint and exit 1.
@Suite struct DoctorCommandTests {
    private struct Finding: Decodable {
        var check: String
        var severity: String
        var message: String
        var hint: String
    }

    private func doctor(config: String, state: String) async throws -> (status: Int32, findings: [Finding]) {
        let path = URL(fileURLWithPath: state).appending(path: "kiosk.toml")
        try config.write(to: path, atomically: true, encoding: .utf8)
        let result = try await KioskProcess.run(["doctor", "--json", "--config", path.path, "--state-directory", state])
        let findings = try JSONDecoder().decode([Finding].self, from: Data(result.stdout.utf8))
        return (result.status, findings)
    }

    @Test func brokenConfigurationNamesKeyAndLine() async throws {
        let state = try KioskProcess.makeStateDirectory()
        let (status, findings) = try await doctor(
            config: "[site]\nname = \"x\"\n\n[reader]\nbaud = 1200\n", state: state)
        #expect(status == 1)
        let finding = try #require(findings.first { $0.check == "configuration" })
        #expect(finding.severity == "error")
        #expect(finding.message.contains("line 5: reader.baud: 1200 is not allowed"))
        #expect(finding.hint.contains("docs/configuration.md"))
    }

    @Test func absentReaderIsAnErrorWithAFixHint() async throws {
        let state = try KioskProcess.makeStateDirectory()
        let (status, findings) = try await doctor(
            config: "[reader]\nport = \"/nonexistent/idcard\"\n[printer]\ndriver = \"none\"\n", state: state)
        #expect(status == 1)
        let reader = try #require(findings.first { $0.check == "reader" })
        #expect(reader.severity == "error")
        #expect(reader.message == "no device at /nonexistent/idcard")
        #expect(reader.hint.contains("udev"))
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["KIOSK_TEST_CUPS_SERVER"] != nil, "needs the CUPS fixture"))
    func missingPrinterQueueIsAnErrorAndAGoodQueueIsOK() async throws {
        let server = try #require(ProcessInfo.processInfo.environment["KIOSK_TEST_CUPS_SERVER"])
        let queue = try #require(ProcessInfo.processInfo.environment["KIOSK_TEST_CUPS_QUEUE"])
        let state = try KioskProcess.makeStateDirectory()
        let missing = try await doctor(
            config:
                "[reader]\ndriver = \"simulator\"\n[printer]\nqueue = \"no-such-queue\"\ncups_server = \"\(server)\"\n",
            state: state)
        #expect(missing.status == 1)
        let printer = try #require(missing.findings.first { $0.check == "printer" })
        #expect(printer.severity == "error")
        #expect(printer.message.contains("no-such-queue"))
        #expect(printer.hint.contains("lpadmin -p no-such-queue"))

        let good = try await doctor(
            config: "[reader]\ndriver = \"simulator\"\n[printer]\nqueue = \"\(queue)\"\ncups_server = \"\(server)\"\n",
            state: state)
        #expect(good.findings.first { $0.check == "printer" }?.severity == "ok")
        // Nothing is an error any more (the simulated reader and a missing next-year calendar only warn).
        #expect(good.findings.allSatisfy { $0.severity != "error" }, "\(good.findings.map(\.message))")
        #expect(good.status == 0)
    }

    @Test func calendarCoverageOfThisYearAndNext() async throws {
        let state = try KioskProcess.makeStateDirectory()
        let (_, findings) = try await doctor(config: "[printer]\ndriver = \"none\"\n", state: state)
        let calendar = findings.filter { $0.check == "calendar" }
        #expect(calendar.count == 2)
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let year = gregorian.component(.year, from: Date())
        #expect(calendar.contains { $0.message.contains("\(year)") })
        #expect(calendar.contains { $0.message.contains("\(year + 1)") })
    }
}
