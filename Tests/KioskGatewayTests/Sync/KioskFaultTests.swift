import Foundation
import GRDB
import KioskCore
import KioskTestSupport
import Testing

/// Real faults between the real binaries: the gateway SIGKILLed and restarted, the link cut by a
/// TCP proxy the test controls, the kiosk's sync process SIGKILLed during delivery and during page
/// applies. Nothing lost, nothing twice, the replica equal to the server's rows.
///
/// The suite runs a reduced form; `KIOSK_FAULT_FULL=1` runs the sizes (1,000 requests and
/// ratings, five gateway kills, two 30 s cuts, twenty kiosk kills each): `scripts/bench-sync --faults`.
@Suite(.serialized) struct KioskFaultTests {
    struct Scale {
        var items: Int
        var gatewayKills: Int
        var cuts: Int
        var cutLength: Duration
        var kioskKills: Int
        var cases: Int

        static var current: Scale {
            ProcessInfo.processInfo.environment["KIOSK_FAULT_FULL"] == "1"
                ? Scale(items: 1_000, gatewayKills: 5, cuts: 2, cutLength: .seconds(30), kioskKills: 20, cases: 5_000)
                : Scale(items: 300, gatewayKills: 2, cuts: 1, cutLength: .seconds(5), kioskKills: 3, cases: 1_500)
        }
    }

    /// `count` confirmed requests and ratings on the kiosk: two thirds mail requests, one third ratings.
    static func confirm(_ count: Int, on database: AppDatabase) async throws {
        let requestedAt = Date(timeIntervalSince1970: 1_772_676_000)
        for index in 0..<count {
            if index % 3 == 2 {
                _ = try await database.submitEvaluation(
                    Evaluation(
                        caseNumber: "FAULT-\(index)", level: .satisfied, ratedAt: requestedAt, regionCode: "370102",
                        idempotencyKey: "fault-eval-\(index)"),
                    terminalId: "kiosk-fault")
            } else {
                _ = try await database.submitMailRequest(
                    MailRequest(
                        caseNumber: "FAULT-\(index)", idempotencyKey: "fault-mail-\(index)", recipientName: "李建国",
                        phone: "13912345678", regionCode: "370102", address: "天河北路233号", postcode: "250000",
                        certificateName: "营业执照", requestedAt: requestedAt),
                    terminalId: "kiosk-fault")
            }
        }
    }

    /// Delivered outbox rows on the kiosk.
    static func delivered(_ database: AppDatabase) async throws -> Int {
        try await database.outboxEntries().filter { $0.deliveredAt != nil }.count
    }

    @Test func deliveryThroughGatewayKillsLinkCutsAndKioskKills() async throws {
        let scale = Scale.current
        let database = try await TestDatabase.create()
        var gateway = try await RunningGateway.start(
            database: database, extraConfiguration: "[intervals]\nheartbeat_s = 10\nsync_s = 10\n")
        let firstGateway = gateway
        let proxy = try await FaultProxy.start(targetPort: gateway.devicePort, in: gateway.directory)
        defer { proxy.stop() }
        let kiosk = try await RunningKiosk.enroll(id: "kiosk-fault", gateway: gateway, gatewayPort: proxy.port)
        let replica = try kiosk.database()
        try await Self.confirm(scale.items, on: replica)
        try kiosk.startSync()

        // Faults while the backlog drains: each at the next tenth of the backlog delivered.
        var faults: [String] = []
        faults += Array(repeating: "gateway", count: scale.gatewayKills)
        faults += Array(repeating: "cut", count: scale.cuts)
        faults += Array(repeating: "kiosk", count: scale.kioskKills)
        var generator = SeededGenerator(seed: 14)
        faults.shuffle(using: &generator)
        for (index, fault) in faults.enumerated() {
            let threshold = scale.items * (index + 1) / (faults.count + 2)
            try await kiosk.eventually(
                "\(threshold) delivered before fault \(index) (\(fault))", timeout: .seconds(240)
            ) {
                try await Self.delivered(replica) >= threshold
            }
            switch fault {
            case "gateway":
                await gateway.kill()
                gateway = try await RunningGateway.start(
                    database: database, sharingCAWith: firstGateway,
                    extraConfiguration: "[intervals]\nheartbeat_s = 10\nsync_s = 10\n")
                proxy.retarget(port: gateway.devicePort)
            case "cut":
                proxy.cut()
                try await Task.sleep(for: scale.cutLength)
                proxy.restore()
            default:
                await kiosk.stopSync(kill: true)
                try kiosk.startSync()
            }
        }
        try await kiosk.eventually("every outbox row delivered", timeout: .seconds(600)) {
            try await Self.delivered(replica) == scale.items
        }

        let mail = scale.items - scale.items / 3
        #expect(try await database.sql("SELECT count(*) FROM submission") == [["\(scale.items)"]])
        #expect(try await database.sql("SELECT count(*) FROM mail_request") == [["\(mail)"]])
        #expect(try await database.sql("SELECT count(*) FROM evaluation") == [["\(scale.items / 3)"]])
        #expect(
            try await database.sql(
                "SELECT count(*) FROM (SELECT idempotency_key FROM submission GROUP BY 1 HAVING count(*) > 1) d")
                == [["0"]])
        let rows = try await replica.outboxEntries()
        #expect(rows.allSatisfy { $0.deadLetteredAt == nil }, "no dead letters")
        #expect(rows.allSatisfy { !($0.submissionId ?? "").isEmpty })
        #expect(await kiosk.stopSync() == 0)
        await gateway.stop()
        try await database.drop()
    }

    @Test func pageAppliesSurviveKioskKills() async throws {
        let scale = Scale.current
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let kiosk = try await RunningKiosk.enroll(id: "kiosk-pages", gateway: gateway)
        // Another region's 办件 must never arrive.
        let mine = (0..<scale.cases).map { CaseImportTests.record("PAGE-\($0)") }
        let file = try CaseImportTests.write(mine, to: gateway.directory)
        #expect(try await gateway.cli(["cases", "import", file, "--region", "370102"]).status == 0)
        let other = try CaseImportTests.write([CaseImportTests.record("ELSEWHERE-1")], to: gateway.directory)
        #expect(try await gateway.cli(["cases", "import", other, "--region", "450102"]).status == 0)

        let replica = try kiosk.database()
        var generator = SeededGenerator(seed: 41)
        for kill in 0..<scale.kioskKills {
            try kiosk.startSync()
            // Kill at a random moment of the pull (the first pages take a few hundred ms each).
            try await Task.sleep(for: .milliseconds(Int.random(in: 150...900, using: &generator)))
            await kiosk.stopSync(kill: true)
            let count = try await replica.reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM caseFile")
            }
            print("KioskFaultTests: kill \(kill + 1): \(count ?? -1) 办件 in the replica")
        }
        try kiosk.startSync()
        try await kiosk.eventually("the whole region in the replica", timeout: .seconds(120)) {
            let count = try await replica.reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM caseFile")
            }
            return count == scale.cases
        }
        let local = try await replica.reader.read { db in
            try String.fetchAll(db, sql: "SELECT number || ':' || version FROM caseFile ORDER BY number")
        }
        let server = try await database.sql(
            "SELECT number || ':' || version FROM case_file WHERE region_code = '370102' ORDER BY number")
        #expect(local == server.compactMap { $0.first ?? nil }, "the replica is the server's rows for its region")
        #expect(await kiosk.stopSync() == 0)
        await gateway.stop()
        try await database.drop()
    }
}
