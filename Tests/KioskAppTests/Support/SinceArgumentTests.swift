import Foundation
import KioskCore
import Testing

@testable import KioskApp

/// `--since` of `kiosk audit export` and `kiosk mail export`: one parser, days in China Standard Time.
@Suite struct SinceArgumentTests {
    /// 2027-01-15T16:00:00+08:00.
    static let reference: TimeInterval = 1_800_000_000

    @Test func parsing() {
        // 2027-01-15 00:00 China Standard Time = 2027-01-14T16:00:00Z, whatever this process's TZ.
        #expect(SinceArgument.parse("2027-01-15") == Date(timeIntervalSince1970: Self.reference - 16 * 3_600))
        #expect(SinceArgument.parse("2027-01-15T08:00:00Z") == Date(timeIntervalSince1970: Self.reference))
        #expect(SinceArgument.parse("2027-01-15T16:00:00+08:00") == Date(timeIntervalSince1970: Self.reference))
        #expect(SinceArgument.parse("2027-01-15T08:00:00.500Z") == Date(timeIntervalSince1970: Self.reference + 0.5))
        #expect(SinceArgument.parse("20270115T160000") == Date(timeIntervalSince1970: Self.reference))
        #expect(SinceArgument.parse("2027-02-30") == nil)
        #expect(SinceArgument.parse("2027-01-15T16:00:00") == nil, "a time without a zone is ambiguous")
        #expect(SinceArgument.parse("15/01/2027") == nil)
        #expect(SinceArgument.parse("yesterday") == nil)
        #expect(SinceArgument(argument: "2027-01-15")?.text == "2027-01-15")
    }

    /// A state directory with two mail requests (and their `mail.requested` audit rows), 30 minutes
    /// before and 30 minutes after 2027-01-15 00:00 China Standard Time.
    static func stateAroundMidnight() async throws -> String {
        let state = try KioskProcess.makeStateDirectory()
        let database = try AppDatabase.open(directory: state)
        let midnight = Self.reference - 16 * 3_600
        for (number, offset) in [("SINCE-BEFORE", -1_800.0), ("SINCE-AFTER", 1_800.0)] {
            let request = MailRequest(
                caseNumber: number, idempotencyKey: number, recipientName: "李建国", phone: "13912345678",
                regionCode: "440106", address: "广东省广州市天河区天河北路233号", postcode: "",
                certificateName: "营业执照", requestedAt: Date(timeIntervalSince1970: midnight + offset))
            _ = try await database.submitMailRequest(request, terminalId: "T-01")
        }
        return state
    }

    @Test(
        "audit export and mail export read --since 2027-01-15 as 00:00 China Standard Time under any TZ",
        arguments: ["UTC", "America/New_York", "Asia/Shanghai", "Pacific/Kiritimati"])
    func bothCommandsAgree(timeZone: String) async throws {
        let state = try await Self.stateAroundMidnight()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let environment = ["TZ": timeZone]

        let mail = try await KioskProcess.run(
            ["mail", "export", "--format", "json", "--since", "2027-01-15", "--state-directory", state],
            environment: environment)
        #expect(mail.status == 0, "\(mail.stderr)")
        let requests = try JSONSerialization.jsonObject(with: Data(mail.stdout.utf8)) as? [[String: Any]]
        #expect(requests?.compactMap { $0["caseNumber"] as? String } == ["SINCE-AFTER"], "TZ=\(timeZone)")

        let audit = try await KioskProcess.run(
            ["audit", "export", "--format", "json", "--since", "2027-01-15", "--state-directory", state],
            environment: environment)
        #expect(audit.status == 0, "\(audit.stderr)")
        let events = try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [[String: Any]]
        let subjects = events?.filter { $0["event"] as? String == "mail.requested" }.compactMap {
            $0["subject"] as? String
        }
        #expect(subjects?.count == 1 && subjects?.first?.hasPrefix("办件 SINCE-AFTER") == true, "TZ=\(timeZone)")
    }

    @Test("both commands refuse a bad --since the same way and say it in --help", arguments: ["audit", "mail"])
    func refusalAndHelp(command: String) async throws {
        let state = try KioskProcess.makeStateDirectory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let refused = try await KioskProcess.run(
            [command, "export", "--since", "2027-01-15T16:00:00", "--state-directory", state])
        #expect(refused.status == 64, "\(refused.stderr)")
        #expect(refused.stderr.contains("--since"), "\(refused.stderr)")
        let help = try await KioskProcess.run([command, "export", "--help"], environment: ["COLUMNS": "300"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("00:00 China Standard Time, UTC+8"), "\(help.stdout)")
    }
}
