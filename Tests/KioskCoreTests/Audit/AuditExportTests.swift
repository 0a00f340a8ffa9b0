import Foundation
import Testing

@testable import KioskCore

@Suite struct AuditExportTests {
    static let events = [
        AuditEvent(
            id: 1, time: Date(timeIntervalSince1970: 1_800_000_000), terminalId: "T-01", event: "admin.login",
            outcome: "failure", subject: "admin", detail: "attempt=1/5"),
        AuditEvent(
            id: 2, time: Date(timeIntervalSince1970: 1_800_000_060.5), terminalId: "T-01", event: "mail.requested",
            outcome: "success", subject: nil, detail: "note, with \"quotes\"\nand a newline"),
        AuditEvent(
            id: 3, time: Date(timeIntervalSince1970: 1_800_000_120), terminalId: "T-01", event: "odd",
            outcome: "success", subject: "=HYPERLINK(\"x\")", detail: "-1+1"),
    ]

    @Test func csvQuotesAndNeutralisesFormulas() throws {
        let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let csv = AuditExport.csv(Self.events, timeZone: shanghai)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "id,time,terminalId,event,outcome,subject,detail")
        #expect(lines[1] == "1,2027-01-15T16:00:00.000+08:00,T-01,admin.login,failure,admin,attempt=1/5")
        #expect(
            lines[2]
                == "2,2027-01-15T16:01:00.500+08:00,T-01,mail.requested,success,,\"note, with \"\"quotes\"\"\nand a newline\""
        )
        #expect(lines[3] == "3,2027-01-15T16:02:00.000+08:00,T-01,odd,success,\"'=HYPERLINK(\"\"x\"\")\",'-1+1")
        #expect(lines[4] == "")
        #expect(lines.count == 5)
    }

    @Test func jsonRoundTrips() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        let data = try AuditExport.render(Self.events, format: .json, timeZone: utc)
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(rows.count == 3)
        #expect(
            rows[0]["time"] as? String == "2027-01-15T08:00:00.000Z"
                || rows[0]["time"] as? String == "2027-01-15T08:00:00.000+00:00")
        #expect(rows[0]["event"] as? String == "admin.login")
        #expect(rows[0]["id"] as? Int == 1)
        #expect(rows[1]["subject"] is NSNull)
        #expect(rows[1]["detail"] as? String == "note, with \"quotes\"\nand a newline")
        #expect(Set(rows[2].keys) == Set(AuditExport.columns))
    }

    @Test func emptyExportHasHeaderOnly() throws {
        #expect(AuditExport.csv([]) == "id,time,terminalId,event,outcome,subject,detail\r\n")
        let json = try AuditExport.render([], format: .json)
        #expect(
            String(decoding: json, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]"
                || String(decoding: json, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }
}
