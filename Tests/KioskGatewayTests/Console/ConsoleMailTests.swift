import Foundation
import KioskCore
import KioskProtocol
import KioskTestSupport
import Testing

/// 邮寄队列 on the real binaries: requests a real kiosk stored reach the gateway through the device
/// API; the postal clerk hands one over with a waybill number (the kiosk that took it gets the
/// status in its feed); the console's CSV is byte for byte what `kiosk mail export --format csv`
/// writes for the same records.
@Suite(.serialized) struct ConsoleMailTests {
    static let password = "correct horse 42"

    @Test func handOverFeedsTheKioskAndTheCSVIsTheKiosksOwn() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let device = try await TestDevice.enroll(id: "kiosk-mail", gateway: gateway)
        try await ConsoleClient.addStaff("clerk", role: "postal", password: Self.password, gateway: gateway)
        try await ConsoleClient.addStaff("watch", role: "viewer", password: Self.password, gateway: gateway)

        // The kiosk's own store, with values that need CSV quoting and formula neutralising.
        let state = gateway.directory.appendingPathComponent("kiosk-state").path
        let kiosk = try AppDatabase.open(directory: state)
        let requestedAt = Date(timeIntervalSince1970: 1_772_676_000)
        let records = [
            ("DEMO-A-0001", "李建国", "天河北路233号,\"东门\"岗亭"),
            ("DEMO-A-0002", "王芳", "=HYPERLINK(\"x\") 中山路1号"),
            ("DEMO-A-0003", "赵四", "人民路8号\n3单元"),
        ]
        for (index, record) in records.enumerated() {
            let request = MailRequest(
                caseNumber: record.0, idempotencyKey: "key-\(index)", recipientName: record.1, phone: "13912345678",
                regionCode: "370102", address: record.2, postcode: "250000", certificateName: "营业执照",
                requestedAt: requestedAt.addingTimeInterval(Double(index)))
            _ = try await kiosk.submitMailRequest(request, terminalId: "kiosk-mail")
        }
        let stored = try await kiosk.mailRequests(since: .distantPast)
        let items = try stored.map {
            SubmissionItem(
                idempotencyKey: $0.idempotencyKey, kind: .mailRequest, createdAt: $0.requestedAt,
                payload: try JSONDocument(encoding: $0))
        }
        let delivered = try await device.request(
            "POST", "/v1/device/submissions", json: try ProtocolCoding.encoder().encode(SubmissionBatch(items: items)))
        let results = try ProtocolCoding.decoder().decode(SubmissionResults.self, from: delivered.body)
        #expect(results.results.map(\.status) == [.accepted, .accepted, .accepted])

        // The kiosk's replica position before the hand-over.
        let snapshot = try await device.request("GET", "/v1/device/snapshot")
        let snapshotPage = try ProtocolCoding.decoder().decode(SnapshotPage.self, from: snapshot.body)
        let cursor = try #require(snapshotPage.cursor, "one page holds the three mail statuses")

        // The viewer sees the queue masked.
        let viewer = ConsoleClient(gateway: gateway)
        #expect(try await viewer.signIn("watch", Self.password).status == 302)
        let masked = try await viewer.get("/mail")
        #expect(masked.status == 200)
        #expect(masked.text.contains("DEMO-A-0001"))
        #expect(!masked.text.contains("李建国"), "a viewer never sees a full name")
        #expect(!masked.text.contains("13912345678"))
        #expect(!masked.text.contains("/handover"), "nor the hand-over form")

        // The clerk hands the first one over.
        let clerk = ConsoleClient(gateway: gateway)
        #expect(try await clerk.signIn("clerk", Self.password).status == 302)
        let queue = try await clerk.get("/mail")
        #expect(queue.text.contains("李建国"))
        let token = try ConsoleClient.csrf(in: queue.text)
        let bad = try await clerk.post("/mail/1/handover", [("csrf", token), ("waybill", "EA 12")])
        #expect(bad.status == 400)
        #expect(bad.text.contains("运单号应为 5–40 位字母或数字"))
        let handed = try await clerk.post("/mail/1/handover", [("csrf", token), ("waybill", " EA123456789CN ")])
        #expect(handed.status == 303, "\(handed.text)")
        let twice = try await clerk.post("/mail/1/handover", [("csrf", token), ("waybill", "EA123456789CN")])
        #expect(twice.status == 400)
        #expect(twice.text.contains("不在待交寄状态"))
        #expect(
            try await database.sql("SELECT status, waybill_number FROM mail_request WHERE id = 1")
                == [["posted", "EA123456789CN"]])
        #expect(
            try await database.sql("SELECT status, actor FROM mail_status_event") == [["posted", "clerk"]])

        // The kiosk that took the request pulls the new status.
        try await database.withGatewayDatabase { try await FeedVisibility.settle($0) }
        let changes = try await device.request("GET", "/v1/device/changes?cursor=\(cursor)")
        #expect(changes.status == 200)
        let page = try ProtocolCoding.decoder().decode(ChangePage.self, from: changes.body)
        let status = try #require(page.changes.first { $0.entity == .mailStatus && $0.key == "key-0" })
        let record = try #require(status.record)
        let fields = try record.decode([String: String].self)
        #expect(fields["status"] == "posted")
        #expect(fields["waybillNumber"] == "EA123456789CN")

        // The same state on the kiosk, then both exports.
        let first = try #require(stored.first?.id)
        try await kiosk.markMailSent(id: first, waybill: "EA123456789CN", at: Date(), terminalId: "kiosk-mail")
        let kioskExport = try await runProgram(
            BuiltProducts.path("kiosk"), ["mail", "export", "--format", "csv", "--state-directory", state],
            environment: ProcessInfo.processInfo.environment.merging(
                ["KIOSK_ASSETS_DIR": repositoryRoot.appendingPathComponent("assets").path], uniquingKeysWith: { $1 }))
        #expect(kioskExport.status == 0, "\(kioskExport.standardError)")
        let consoleExport = try await clerk.get("/mail/export.csv?status=all")
        #expect(consoleExport.status == 200)
        #expect(consoleExport.headers["content-type"] == "text/csv; charset=utf-8")
        #expect(consoleExport.text == kioskExport.standardOutput)
        #expect(consoleExport.text.contains("\"天河北路233号,\"\"东门\"\"岗亭\""), "quoted as RFC 4180 says")
        #expect(consoleExport.text.contains("\"'=HYPERLINK(\"\"x\"\") 中山路1号\""), "formula neutralised")
        #expect(
            try await database.sql("SELECT detail FROM audit_log WHERE action = 'mail.export'") == [["3 requests"]])
        await gateway.stop()
        try await database.drop()
    }
}
