import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// The kiosk online, through the real binaries: `kiosk gateway enroll` (key made on the kiosk),
/// `kiosk sync` (execs `kiosk-sync`) over mutual TLS to a real `kiosk-gateway` on a real PostgreSQL.
/// A mail request stored on the kiosk reaches the gateway's 邮寄队列 once; a 办件 imported on the
/// gateway reaches the kiosk's replica; the clerk's waybill flows back; a withdrawn 办件 disappears.
@Suite(.serialized) struct KioskOnlineTests {
    @Test func mailUpCasesDownWaybillBack() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(
            database: database, extraConfiguration: "[intervals]\nheartbeat_s = 10\nsync_s = 10\n")
        let kiosk = try await RunningKiosk.enroll(id: "kiosk-online", gateway: gateway)

        // Enrollment: the key was made here, private to the kiosk, and the certificate stored.
        let key = kiosk.stateDirectory + "/gateway/device-key.pem"
        let mode = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let status = try await kiosk.cli(["gateway", "status", "--json"])
        #expect(status.status == 0, "\(status.standardError)")
        let statusJSON = try #require(
            try JSONSerialization.jsonObject(with: Data(status.standardOutput.utf8)) as? [String: Any])
        #expect(statusJSON["enrolled"] as? Bool == true)
        #expect(statusJSON["deviceId"] as? String == "kiosk-online")
        #expect(statusJSON["certificateExpiresAt"] is String)
        #expect(
            try await database.sql("SELECT enrolled_at IS NOT NULL FROM device WHERE id = 'kiosk-online'") == [["t"]])

        // A 办件 on the gateway, a mail request for it confirmed on the kiosk (while offline).
        let file = try CaseImportTests.write(
            [CaseImportTests.record("ONLINE-1"), CaseImportTests.record("ONLINE-2")], to: gateway.directory)
        let imported = try await gateway.cli(["cases", "import", file, "--region", "370102"])
        #expect(imported.status == 0, "\(imported.standardError)")
        let replica = try kiosk.database()
        _ = try await replica.submitMailRequest(
            MailRequest(
                caseNumber: "ONLINE-1", idempotencyKey: "online-key-1", recipientName: "李建国", phone: "13912345678",
                regionCode: "370102", address: "天河北路233号", postcode: "250000", certificateName: "营业执照",
                requestedAt: Date()),
            terminalId: "kiosk-online")

        try kiosk.startSync()
        try await kiosk.eventually("the mail request in the gateway's queue") {
            try await database.sql("SELECT count(*) FROM mail_request WHERE case_number = 'ONLINE-1'") == [["1"]]
        }
        try await kiosk.eventually("the outbox row delivered with its submission id") {
            let rows = try await replica.outboxEntries()
            return rows.count == 1 && rows[0].deliveredAt != nil && !(rows[0].submissionId ?? "").isEmpty
        }
        try await kiosk.eventually("the gateway's 办件 in the kiosk's replica") {
            let first = try await replica.caseFile(number: "ONLINE-1")
            let second = try await replica.caseFile(number: "ONLINE-2")
            return first != nil && second != nil
        }
        try await kiosk.eventually("a heartbeat") {
            try await database.sql("SELECT last_seen_at IS NOT NULL FROM device WHERE id = 'kiosk-online'") == [["t"]]
        }

        // The clerk hands it over; the waybill reaches the kiosk with the next pull.
        try await ConsoleClient.addStaff("clerk", role: "postal", password: ConsoleMailTests.password, gateway: gateway)
        let clerk = ConsoleClient(gateway: gateway)
        #expect(try await clerk.signIn("clerk", ConsoleMailTests.password).status == 302)
        let queue = try await clerk.get("/mail")
        let id = try #require(
            try await database.sql("SELECT id FROM mail_request WHERE case_number = 'ONLINE-1'").first?.first ?? nil)
        let handed = try await clerk.post(
            "/mail/\(id)/handover", [("csrf", try ConsoleClient.csrf(in: queue.text)), ("waybill", "EA123456789CN")])
        #expect(handed.status == 303, "\(handed.text)")
        try await kiosk.eventually("the waybill on the kiosk", timeout: .seconds(40)) {
            let request = try await replica.mailRequests(since: .distantPast).first { $0.caseNumber == "ONLINE-1" }
            return request?.status == .posted && request?.waybillNumber == "EA123456789CN"
        }

        // A withdrawn 办件 disappears from the kiosk.
        let withdrawn = try await gateway.cli(["cases", "withdraw", "ONLINE-2"])
        #expect(withdrawn.status == 0, "\(withdrawn.standardError)")
        try await kiosk.eventually("the withdrawn 办件 gone", timeout: .seconds(40)) {
            try await replica.caseFile(number: "ONLINE-2") == nil
        }

        // Exactly once on the gateway; the sync process stops cleanly on SIGTERM.
        #expect(try await database.sql("SELECT count(*) FROM submission") == [["1"]])
        #expect(await kiosk.stopSync() == 0)
        let after = try await kiosk.cli(["gateway", "status"])
        #expect(after.standardOutput.contains("outbox: 0 pending"), "\(after.standardOutput)")
        await gateway.stop()
        try await database.drop()
    }

    /// A bank branch's network: outbound HTTPS only through an HTTP CONNECT proxy (`[gateway] proxy`).
    /// Enrollment, delivery and `kiosk doctor`'s live check all go through it.
    @Test func throughAnHTTPConnectProxy() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(
            database: database, extraConfiguration: "[intervals]\nheartbeat_s = 10\nsync_s = 10\n")
        let proxy = try await FaultProxy.start(targetPort: nil, in: gateway.directory)
        defer { proxy.stop() }
        let kiosk = try await RunningKiosk.enroll(id: "kiosk-proxied", gateway: gateway, proxyPort: proxy.port)
        #expect(try proxy.stats().connects == ["127.0.0.1:\(gateway.devicePort)"], "enrollment went through the proxy")

        let replica = try kiosk.database()
        _ = try await replica.submitMailRequest(
            MailRequest(
                caseNumber: "PROXY-1", idempotencyKey: "proxy-key-1", recipientName: "李建国", phone: "13912345678",
                regionCode: "370102", address: "天河北路233号", postcode: "250000", certificateName: "营业执照",
                requestedAt: Date()),
            terminalId: "kiosk-proxied")
        try kiosk.startSync()
        try await kiosk.eventually("the request delivered through the proxy") {
            try await replica.outboxEntries().allSatisfy { $0.deliveredAt != nil }
        }
        #expect(try await database.sql("SELECT count(*) FROM mail_request WHERE case_number = 'PROXY-1'") == [["1"]])
        #expect(try proxy.stats().connects.count >= 2, "the sync process connected through the proxy too")

        // kiosk doctor's live check: enrolled, reachable through the proxy, clocks agree.
        let doctor = try await kiosk.cli(["doctor", "--json"])
        let findings = try #require(
            try JSONSerialization.jsonObject(with: Data(doctor.standardOutput.utf8)) as? [[String: Any]])
        let byCheck = Dictionary(
            findings.map { (($0["check"] as? String) ?? "", ($0["severity"] as? String) ?? "") },
            uniquingKeysWith: { first, _ in first })
        #expect(byCheck["gateway.certificate"] == "ok", "\(doctor.standardOutput)")
        #expect(byCheck["gateway.reachable"] == "ok", "\(doctor.standardOutput)")
        #expect(byCheck["gateway.clock"] == "ok")
        #expect(byCheck["gateway.outbox"] == "ok")

        // Link cut: the doctor says so (a warning: the kiosk keeps serving), and nothing is lost.
        proxy.cut()
        let offline = try await kiosk.cli(["doctor", "--json"])
        #expect(offline.standardOutput.contains("gateway not reachable"), "\(offline.standardOutput)")
        proxy.restore()
        #expect(await kiosk.stopSync() == 0)
        await gateway.stop()
        try await database.drop()
    }

    @Test func syncWithoutAGatewayHasNothingToDo() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-offline-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = directory.appendingPathComponent("kiosk.toml").path
        try Data("[site]\nterminal_id = \"k1\"\n".utf8).write(to: URL(fileURLWithPath: config))
        let result = try await runProgram(
            BuiltProducts.path("kiosk"), ["sync", "--config", config, "--state-directory", directory.path])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("no [gateway] url configured"))
    }

    @Test func aSpentCodeIsRefusedInEnglish() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let kiosk = try await RunningKiosk.enroll(id: "kiosk-twice", gateway: gateway)
        let code = "AAAA-BBBB-CCCC-DDDD"
        let again = try await kiosk.cli(["gateway", "enroll", "--code", code])
        #expect(again.status == 1)
        #expect(again.standardError.contains("HTTP 403"), "\(again.standardError)")
        #expect(again.standardError.contains("spent or expired"))
        await gateway.stop()
        try await database.drop()
    }
}
