import Foundation
import KioskProtocol
import KioskTestSupport
import Testing

/// The console in Debian's headless Chromium through selenium (scripts/console-browser-check.py):
/// sign-in typed into the form, the overview of 120 kiosks, a device page, a hand-over in the mail
/// queue, at 1366×768 and on a phone, with no page-level sideways scrolling and no CSP errors.
@Suite(
    .serialized,
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
            || ProcessInfo.processInfo.environment["KIOSK_TEST_TMPDIR"] != nil))
struct ConsoleBrowserTests {
    @Test func theConsoleWorksInARealBrowserOnADesktopAndAPhone() async throws {
        let python = try #require(
            ProcessInfo.processInfo.environment["KIOSK_TEST_PYTHON"], "scripts/test sets KIOSK_TEST_PYTHON (selenium)")
        let database = try await TestDatabase.create()
        try await database.sql(ConsoleFleetTests.fleetSQL)
        let gateway = try await RunningGateway.start(database: database)
        let device = try await TestDevice.enroll(id: "kiosk-mail", gateway: gateway)
        let items = try (1...3).map { index in
            try SubmissionFixture.item(SubmissionFixture.mailRequest(case: "DEMO-B-000\(index)", key: "key-\(index)"))
        }
        let delivered = try await device.request(
            "POST", "/v1/device/submissions", json: try ProtocolCoding.encoder().encode(SubmissionBatch(items: items)))
        #expect(delivered.status == 200)
        try await ConsoleClient.addStaff("clerk", role: "postal", password: "correct horse 42", gateway: gateway)
        try await ConsoleClient.addStaff("victim", role: "postal", password: "correct horse 42", gateway: gateway)

        let shots = gateway.directory.appendingPathComponent("browser")
        let result = try await runProgram(
            URL(fileURLWithPath: python),
            [
                repositoryRoot.appendingPathComponent("scripts/console-browser-check.py").path, gateway.consoleURL,
                "clerk", "correct horse 42", shots.path, "victim",
            ])
        #expect(result.status == 0, "\(result.standardOutput.prefix(4000))\n\(result.standardError.suffix(3000))")
        let report = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let pages = report?["pages"] as? [[String: Any]] ?? []
        #expect(pages.count == 8, "four pages at two sizes were measured")
        #expect(
            try await database.sql("SELECT waybill_number FROM mail_request WHERE status = 'posted'")
                == [["EA556677889CN"]])
        #expect(
            try await database.sql("SELECT locked_until IS NOT NULL FROM staff_user WHERE name = 'victim'") == [["t"]])
        // The browser's download is the file the curl tests compare with `kiosk mail export`.
        let downloaded = try #require(report?["download"] as? String, "导出 CSV downloaded")
        let clerk = ConsoleClient(gateway: gateway)
        #expect(try await clerk.signIn("clerk", "correct horse 42").status == 302)
        let export = try await clerk.get("/mail/export.csv?status=all")
        #expect(try Data(contentsOf: URL(fileURLWithPath: downloaded)) == export.body)
        #expect(export.text.contains("EA556677889CN"))
        await gateway.stop()
        try await database.drop()
    }

    @Test func aSimulatedKioskShowsOnlineThenOfflineThenOutOfPaper() async throws {
        let python = try #require(ProcessInfo.processInfo.environment["KIOSK_TEST_PYTHON"])
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let device = try await TestDevice.enroll(id: "kiosk-live", gateway: gateway)
        try await ConsoleClient.addStaff("watch", role: "viewer", password: "correct horse 42", gateway: gateway)
        func shown() async throws -> [String: String] {
            let result = try await runProgram(
                URL(fileURLWithPath: python),
                [
                    repositoryRoot.appendingPathComponent("scripts/console-browser-check.py").path, "--state",
                    gateway.consoleURL, "watch", "correct horse 42", device.id,
                ])
            return (try? JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: String])
                ?? ["error": result.standardOutput + result.standardError]
        }
        func heartbeat(_ paper: HeartbeatRequest.PaperLevel) async throws {
            let body = try ProtocolCoding.encoder().encode(HeartbeatStoreTests.report(paper: paper))
            let reply = try await device.request("POST", "/v1/device/heartbeat", json: body)
            #expect(reply.status == 200, "\(reply.text)")
        }

        try await heartbeat(.ok)
        #expect(try await shown()["state"] == "在线")
        // No heartbeat for longer than 3 intervals + 30 s: the gateway's own sweeper (every 15 s)
        // marks it offline.
        try await database.sql("UPDATE device SET last_seen_at = now() - interval '10 minutes'")
        var offline = false
        for _ in 0..<100 where !offline {
            offline = try await database.sql("SELECT 'offline' = ANY (alarms) FROM device") == [["t"]]
            if !offline { try await Task.sleep(for: .milliseconds(250)) }
        }
        #expect(offline)
        #expect(try await shown()["state"] == "离线")
        try await heartbeat(.out)
        let out = try await shown()
        #expect(out["state"] == "告警", "\(out)")
        #expect(out["paper"] == "缺纸", "\(out)")
        #expect(out["alarms"] == "缺纸", "\(out)")
        // One event per transition; the heartbeat that ends "offline" raises paperOut in the same
        // statement, so those two have no order between them.
        let events = try await database.sql("SELECT kind || ':' || raised FROM device_event").compactMap { $0[0] }
        #expect(events.count == 3)
        #expect(Set(events) == ["offline:true", "offline:false", "paperOut:true"], "\(events)")
        await gateway.stop()
        try await database.drop()
    }
}
