import Foundation
import KioskProtocol
import KioskTestSupport
import Testing

/// 设备总览, 设备详情, 公告与配置 and the admin import API on the real binary.
@Suite(.serialized) struct ConsoleFleetTests {
    static let password = "correct horse 42"

    /// 120 kiosks in two regions: 100 online, 10 with paper out, 5 offline, 5 never seen.
    static let fleetSQL = """
        INSERT INTO site (id, region_code) VALUES ('hall-a', '370102'), ('hall-b', '370103');
        INSERT INTO device (id, site_id, region_code, last_seen_at, alarms, last_heartbeat)
        SELECT 'k' || lpad(n::text, 4, '0'), CASE WHEN n <= 60 THEN 'hall-a' ELSE 'hall-b' END,
            CASE WHEN n <= 60 THEN '370102' ELSE '370103' END,
            CASE WHEN n > 115 THEN NULL ELSE now() END,
            CASE WHEN n BETWEEN 101 AND 110 THEN ARRAY['paperOut'] WHEN n BETWEEN 111 AND 115 THEN ARRAY['offline']
                 ELSE '{}'::text[] END,
            CASE WHEN n > 115 THEN NULL ELSE jsonb_build_object(
                'printers', jsonb_build_array(jsonb_build_object('paper', CASE WHEN n BETWEEN 101 AND 110 THEN 'out' ELSE 'ok' END)),
                'reader', jsonb_build_object('state', 'online'),
                'outbox', jsonb_build_object('pending', n % 3, 'deadLettered', 0),
                'replica', jsonb_build_object('lagS', 4)) END
        FROM generate_series(1, 120) n;
        """

    @Test func theOverviewCountsPerRegionAndSiteAndPagesByKey() async throws {
        let database = try await TestDatabase.create()
        try await database.sql(Self.fleetSQL)
        let gateway = try await RunningGateway.start(database: database)
        try await ConsoleClient.addStaff("watch", role: "viewer", password: Self.password, gateway: gateway)
        let browser = ConsoleClient(gateway: gateway)
        #expect(try await browser.signIn("watch", Self.password).status == 302)

        let first = try await browser.get("/devices")
        #expect(first.status == 200)
        // 区划 | 终端 | 在线 | 告警 | 离线 | 未上线
        #expect(Self.cells(of: "370102", in: first.text) == ["60", "60", "0", "0", "0"])
        #expect(Self.cells(of: "370103", in: first.text) == ["60", "40", "10", "5", "5"])
        #expect(first.text.contains("<td>合计</td><td>120</td><td>100</td><td>10</td><td>5</td><td>5</td>"))
        var seen = Self.deviceIDs(in: first.text)
        #expect(seen.count == 50)
        var next = Self.nextLink(in: first.text)
        while let link = next {
            let page = try await browser.get(link)
            seen += Self.deviceIDs(in: page.text)
            next = Self.nextLink(in: page.text)
        }
        #expect(seen == (1...120).map { "k" + String(format: "%04d", $0) }, "every kiosk once, in order")

        let bySite = try await browser.get("/devices?region=370103")
        #expect(Self.cells(of: "hall-b", in: bySite.text) == ["60", "40", "10", "5", "5"])
        let offline = try await browser.get("/devices?state=offline")
        #expect(Self.deviceIDs(in: offline.text) == (111...115).map { "k0\($0)" })
        let paperOut = try await browser.get("/devices?state=alarm")
        #expect(paperOut.text.contains("缺纸"))
        #expect(Self.deviceIDs(in: paperOut.text).count == 10)
        await gateway.stop()
        try await database.drop()
    }

    @Test func adminsSendCommandsAndRevokeWithConfirmationViewersCannot() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let device = try await TestDevice.enroll(id: "kiosk-cmd", gateway: gateway)
        try await ConsoleClient.addStaff("admin", role: "admin", password: Self.password, gateway: gateway)
        try await ConsoleClient.addStaff("watch", role: "viewer", password: Self.password, gateway: gateway)
        let viewer = ConsoleClient(gateway: gateway)
        #expect(try await viewer.signIn("watch", Self.password).status == 302)
        let seen = try await viewer.get("/devices/kiosk-cmd")
        #expect(seen.status == 200)
        #expect(!seen.text.contains("/commands\""), "no command form for a viewer")
        #expect(try await viewer.get("/devices/nope").status == 404)

        let admin = ConsoleClient(gateway: gateway)
        #expect(try await admin.signIn("admin", Self.password).status == 302)
        let detail = try await admin.get("/devices/kiosk-cmd")
        let token = try ConsoleClient.csrf(in: detail.text)
        let sent = try await admin.post("/devices/kiosk-cmd/commands", [("csrf", token), ("kind", "printTest")])
        #expect(sent.status == 303)
        #expect(try await database.sql("SELECT kind, created_by FROM device_command") == [["printTest", "admin"]])
        #expect(try await admin.get("/devices/kiosk-cmd").text.contains("打印测试页"))

        let unconfirmed = try await admin.post("/devices/kiosk-cmd/revoke", [("csrf", token), ("confirm", "")])
        #expect(unconfirmed.status == 400)
        let revoked = try await admin.post("/devices/kiosk-cmd/revoke", [("csrf", token), ("confirm", "kiosk-cmd")])
        #expect(revoked.status == 303)
        #expect(try await database.sql("SELECT revoked_at IS NOT NULL FROM device") == [["t"]])
        #expect(
            try await database.sql("SELECT actor, action FROM audit_log WHERE target = 'kiosk-cmd' ORDER BY id").suffix(
                2)
                == [["admin", "device.command"], ["admin", "device.revoke"]])
        // The revoked kiosk's next call is refused once the 5 s cache lapses.
        var refused = false
        for _ in 0..<20 where !refused {
            refused = try await device.request("GET", "/v1/device/config").status == 403
            if !refused { try await Task.sleep(for: .milliseconds(500)) }
        }
        #expect(refused)
        await gateway.stop()
        try await database.drop()
    }

    @Test func anAnnouncementChangesTheKiosksConfigVersionAndBadInputIsExplained() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let device = try await TestDevice.enroll(id: "kiosk-ann", gateway: gateway)
        try await ConsoleClient.addStaff("admin", role: "admin", password: Self.password, gateway: gateway)
        let admin = ConsoleClient(gateway: gateway)
        #expect(try await admin.signIn("admin", Self.password).status == 302)
        let before = try await device.request("GET", "/v1/device/config")
        let etag = try #require(before.headers["etag"])
        let page = try await admin.get("/content")
        #expect(page.status == 200)
        let token = try ConsoleClient.csrf(in: page.text)

        let bidi = try await admin.post(
            "/content/announcements",
            [
                ("csrf", token), ("group", "default"), ("text", "今日\u{202E}停电"), ("validFrom", "2026-01-01T08:00"),
                ("validTo", "2036-01-01T08:00"),
            ])
        #expect(bidi.status == 400)
        #expect(bidi.text.contains("方向控制字符"))
        let backwards = try await admin.post(
            "/content/announcements",
            [
                ("csrf", token), ("group", "default"), ("text", "今日大厅 17:00 闭馆"), ("validFrom", "2036-01-01T08:00"),
                ("validTo", "2026-01-01T08:00"),
            ])
        #expect(backwards.status == 400)
        let added = try await admin.post(
            "/content/announcements",
            [
                ("csrf", token), ("group", "default"), ("text", "今日大厅 17:00 闭馆"), ("validFrom", "2026-01-01T08:00"),
                ("validTo", "2036-01-01T08:00"),
            ])
        #expect(added.status == 303, "\(added.text)")
        let notJSON = try await admin.post(
            "/content/config", [("csrf", token), ("group", "default"), ("settings", "[1]")])
        #expect(notJSON.status == 400)
        let config = try await admin.post(
            "/content/config", [("csrf", token), ("group", "default"), ("settings", #"{"idle_timeout_s": 90}"#)])
        #expect(config.status == 303)

        let after = try await device.request("GET", "/v1/device/config", headers: ["If-None-Match": etag])
        #expect(after.status == 200, "a new version, not 304")
        let document = try ProtocolCoding.decoder().decode(DeviceConfigDocument.self, from: after.body)
        #expect(document.announcements.map(\.text) == ["今日大厅 17:00 闭馆"])
        #expect(document.settings["idle_timeout_s"] != nil)
        #expect(try await admin.get("/content").text.contains("今日大厅 17:00 闭馆"))
        await gateway.stop()
        try await database.drop()
    }

    @Test func theAdminImportAPITakesTheKiosksFormatWithBasicAuthOnly() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        try await ConsoleClient.addStaff("admin", role: "admin", password: Self.password, gateway: gateway)
        try await ConsoleClient.addStaff("clerk", role: "postal", password: Self.password, gateway: gateway)
        let good = try JSONSerialization.data(
            withJSONObject: [
                "version": 1, "applications": [CaseImportTests.record("C-1"), CaseImportTests.record("C-2")],
            ])
        let url = gateway.consoleURL + "/v1/admin/cases/import?region=370102"
        let imported = try await Curl.request(
            "POST", url, json: good, extraArguments: ["-u", "admin:\(Self.password)"])
        #expect(imported.status == 200, "\(imported.text)")
        #expect(imported.text.contains("\"imported\":2"))
        #expect(try await database.sql("SELECT number FROM case_file ORDER BY number") == [["C-1"], ["C-2"]])
        #expect(
            try await database.sql("SELECT actor FROM audit_log WHERE action = 'cases.import'") == [["admin"]])

        let anonymous = try await Curl.request("POST", url, json: good)
        #expect(anonymous.status == 401)
        #expect(anonymous.headers["www-authenticate"] == nil, "no browser prompt, so no cached credentials")
        #expect(try await Curl.request("POST", url, json: good, extraArguments: ["-u", "admin:wrong"]).status == 401)
        #expect(
            try await Curl.request("POST", url, json: good, extraArguments: ["-u", "clerk:\(Self.password)"]).status
                == 403)
        let form = try await Curl.request(
            "POST", url, extraArguments: ["-u", "admin:\(Self.password)", "--data", "a=b"])
        #expect(form.status == 415)
        let bad = try JSONSerialization.data(
            withJSONObject: [
                "version": 1,
                "applications": [CaseImportTests.record("D-1", ["applicantIdNumber": "440106198703150017"])],
            ])
        let refused = try await Curl.request("POST", url, json: bad, extraArguments: ["-u", "admin:\(Self.password)"])
        #expect(refused.status == 422)
        #expect(refused.text.contains("D-1"), "\(refused.text)")
        #expect(try await database.sql("SELECT count(*) FROM case_file") == [["2"]], "nothing stored on an error")
        await gateway.stop()
        try await database.drop()
    }

    /// The cells after the first cell linking to `key` in the summary table.
    static func cells(of key: String, in html: String) -> [String] {
        guard let start = html.range(of: ">\(key)</a></td>") else { return [] }
        let row = String(html[start.upperBound...].prefix { $0 != "\n" })
        let cell = /<td[^>]*>([^<]*)<\/td>/
        return row.matches(of: cell).map { String($0.output.1) }
    }

    static func deviceIDs(in html: String) -> [String] {
        html.components(separatedBy: "<tr><td><a href=\"/devices/").dropFirst().compactMap {
            $0.split(separator: "\"").first.map(String.init)
        }
    }

    static func nextLink(in html: String) -> String? {
        guard let range = html.range(of: #"id="next-page" href="([^"]+)""#, options: .regularExpression) else {
            return nil
        }
        return html[range].split(separator: "\"")[3].replacingOccurrences(of: "&amp;", with: "&")
    }
}
