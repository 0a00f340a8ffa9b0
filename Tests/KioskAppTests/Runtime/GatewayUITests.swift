import Foundation
import KioskCore
import KioskDevices
import KioskTerminal
import KioskTestSupport
import KioskUI
import Logging
import Synchronization
import Testing

@testable import KioskApp

/// The UI process's side of a connected kiosk, on real SQLite files: the gateway's commands at the
/// next idle moment, the device status for the heartbeat, the sync figures in maintenance mode and
/// the waybill of a 已交寄 request.
@Suite struct GatewayUITests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    static func stateDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-ui-sync-\(UUID().uuidString)").path
    }

    /// What the runner's actions did, and whether the kiosk is idle.
    final class Probe: Sendable {
        let idle = Mutex(true)
        let reconnects = Mutex(0)
        let prints = Mutex(0)
        let printResult = Mutex((ok: true, detail: "printed"))

        func actions(reader: Bool = true) -> GatewayCommandRunner<ContinuousClock>.Actions {
            .init(
                reconnectReader: {
                    guard reader else { return false }
                    self.reconnects.withLock { $0 += 1 }
                    return true
                },
                printTest: {
                    self.prints.withLock { $0 += 1 }
                    return self.printResult.withLock { $0 }
                })
        }
    }

    static func runner(
        _ database: AppDatabase, _ probe: Probe, reader: Bool = true, interval: Duration = .seconds(5)
    ) -> GatewayCommandRunner<ContinuousClock> {
        GatewayCommandRunner(
            database: database, terminalId: "T-01", isIdle: { probe.idle.withLock { $0 } },
            actions: probe.actions(reader: reader), clock: ContinuousClock(), now: { now }, interval: interval,
            logger: Logger(label: "kiosk.test"))
    }

    static func command(_ database: AppDatabase, _ id: String) async throws -> DeviceCommandEntry {
        try #require(try await database.deviceCommands().first { $0.id == id })
    }

    // MARK: Commands

    @Test("each command runs once per id, with its result recorded and audited")
    func commandsRunOnce() async throws {
        let database = try AppDatabase.open(directory: Self.stateDirectory())
        let probe = Probe()
        let runner = Self.runner(database, probe)
        try await database.recordCommands(
            [("c1", "reconnectReader", nil), ("c2", "printTest", nil), ("c3", "resync", nil)],
            at: Self.now.addingTimeInterval(-10))
        // The gateway repeats c1: still one row, run once.
        try await database.recordCommands([("c1", "reconnectReader", nil)], at: Self.now)

        #expect(await runner.step() == .ran(id: "c1", kind: "reconnectReader", ok: true))
        #expect(await runner.step() == .ran(id: "c2", kind: "printTest", ok: true))
        #expect(await runner.step() == .nothing, "resync is the sync process's")
        #expect(await runner.step() == .nothing)
        #expect(probe.reconnects.withLock { $0 } == 1)
        #expect(probe.prints.withLock { $0 } == 1)

        let c1 = try await Self.command(database, "c1")
        #expect(c1.ok == true)
        #expect(c1.detail == "reconnecting")
        #expect(c1.startedAt != nil && c1.finishedAt != nil)
        #expect(try await Self.command(database, "c2").detail == "printed")
        let c3 = try await Self.command(database, "c3")
        #expect(c3.startedAt == nil && c3.finishedAt == nil, "left for the sync process")
        #expect(try await database.unreportedCommandResults().map(\.id) == ["c1", "c2"])

        let audit = try await database.auditEvents().filter { $0.event == "gateway.command" }
        #expect(audit.map(\.outcome) == ["success", "success"])
        #expect(audit.compactMap(\.detail) == ["reconnectReader c1: reconnecting", "printTest c2: printed"])
    }

    @Test("a failed print and a kiosk without reader are recorded as failures")
    func failuresRecorded() async throws {
        let database = try AppDatabase.open(directory: Self.stateDirectory())
        let probe = Probe()
        probe.printResult.withLock { $0 = (false, "print failed: paper out") }
        let runner = Self.runner(database, probe, reader: false)
        try await database.recordCommands([("p", "printTest", nil), ("r", "reconnectReader", nil)], at: Self.now)
        #expect(await runner.step() == .ran(id: "p", kind: "printTest", ok: false))
        #expect(await runner.step() == .ran(id: "r", kind: "reconnectReader", ok: false))
        #expect(try await Self.command(database, "p").ok == false)
        #expect(try await Self.command(database, "p").detail == "print failed: paper out")
        #expect(try await Self.command(database, "r").detail == "no reader")
        let audit = try await database.auditEvents().filter { $0.event == "gateway.command" }
        #expect(audit.map(\.outcome) == ["failure", "failure"])
    }

    @Test("nothing runs while a citizen session is active; it runs at the next idle moment")
    func waitsForIdle() async throws {
        let database = try AppDatabase.open(directory: Self.stateDirectory())
        let probe = Probe()
        probe.idle.withLock { $0 = false }
        let runner = Self.runner(database, probe)
        try await database.recordCommands([("c1", "reconnectReader", nil)], at: Self.now)
        for _ in 0..<3 { #expect(await runner.step() == .nothing) }
        #expect(probe.reconnects.withLock { $0 } == 0)
        #expect(try await Self.command(database, "c1").startedAt == nil)

        probe.idle.withLock { $0 = true }
        #expect(await runner.step() == .ran(id: "c1", kind: "reconnectReader", ok: true))
        #expect(probe.reconnects.withLock { $0 } == 1)
    }

    @Test("a command started elsewhere (or before a crash) is never run again")
    func atMostOnce() async throws {
        let database = try AppDatabase.open(directory: Self.stateDirectory())
        let probe = Probe()
        let runner = Self.runner(database, probe)
        try await database.recordCommands([("c1", "printTest", nil)], at: Self.now)
        #expect(try await database.startCommand(id: "c1", at: Self.now))
        #expect(await runner.step() == .nothing)
        #expect(probe.prints.withLock { $0 } == 0)
    }

    @Test("a command past its deadline is not run, and finished as failed")
    func expiredDeadline() async throws {
        let database = try AppDatabase.open(directory: Self.stateDirectory())
        let probe = Probe()
        let runner = Self.runner(database, probe)
        try await database.recordCommands(
            [
                ("old", "printTest", Self.now.addingTimeInterval(-1)),
                ("new", "printTest", Self.now.addingTimeInterval(60)),
            ],
            at: Self.now.addingTimeInterval(-120))
        #expect(await runner.step() == .ran(id: "new", kind: "printTest", ok: true))
        #expect(probe.prints.withLock { $0 } == 1)
        let old = try await Self.command(database, "old")
        #expect(old.startedAt == nil)
        #expect(old.ok == false)
        #expect(old.detail == DeviceCommandEntry.deadlinePassedDetail)
    }

    @Test("restartApp is finished (ok, restarting) before the runner ends and the group shuts down")
    func restartFinishesFirst() async throws {
        let database = try AppDatabase.open(directory: Self.stateDirectory())
        let probe = Probe()
        let runner = Self.runner(database, probe, interval: .milliseconds(10))
        try await database.recordCommands([("r1", "restartApp", nil), ("after", "printTest", nil)], at: Self.now)
        // The service returns by itself: with `.gracefullyShutdownGroup` that stops the kiosk.
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await runner.run() }
            group.addTask {
                try await Task.sleep(for: .seconds(10))
                throw CancellationError()
            }
            try await group.next()
            group.cancelAll()
        }
        let restart = try await Self.command(database, "r1")
        #expect(restart.ok == true)
        #expect(restart.detail == "restarting")
        #expect(restart.finishedAt != nil)
        #expect(try await Self.command(database, "after").startedAt == nil, "nothing runs after the restart")
        #expect(probe.prints.withLock { $0 } == 0)
    }

    // MARK: Device status

    @Test("the device status is written as JSON on change, not on every tick")
    func publisherWritesOnChange() async throws {
        let database = try AppDatabase.open(directory: Self.stateDirectory())
        let clock = TestClock()
        let board = PrinterStatusBoard()
        board.update(PrinterStatus(device: .online, paper: .full))
        let reader = Mutex("online")
        let publisher = DeviceStatusPublisher(
            database: database, readerState: { reader.withLock { $0 } }, printers: board, printerName: "kiosk",
            clock: clock, now: { Self.now }, interval: .seconds(5), refreshInterval: .seconds(300),
            logger: Logger(label: "kiosk.test"))
        let task = Task { try await publisher.run() }
        defer {
            task.cancel()
            clock.cancelAll()
        }
        func stored() async throws -> DeviceStatusReport {
            let text = try #require(try await database.syncValue(DeviceStatusReport.key))
            return try #require(DeviceStatusReport.decode(text))
        }
        await clock.sleepers(atLeast: 1)
        let first = try await stored()
        #expect(first.readerState == "online")
        #expect(first.printers == [.init(name: "kiosk", state: "online", reasons: [], paper: "ok")])

        // Remove the row: ticks without a change must not write it again.
        try await database.setSyncValue(DeviceStatusReport.key, nil)
        for _ in 0..<5 {
            clock.advance(by: .seconds(5))
            await clock.sleepers(atLeast: 1)
        }
        #expect(try await database.syncValue(DeviceStatusReport.key) == nil, "not rewritten on unchanged ticks")

        board.update(PrinterStatus(device: .online, paper: .low))
        clock.advance(by: .seconds(5))
        await clock.sleepers(atLeast: 1)
        #expect(try await stored().printers.first?.paper == "low")

        reader.withLock { $0 = "offline" }
        clock.advance(by: .seconds(5))
        await clock.sleepers(atLeast: 1)
        #expect(try await stored().readerState == "offline")

        // And at least every refresh interval, changed or not.
        try await database.setSyncValue(DeviceStatusReport.key, nil)
        for _ in 0..<60 {
            clock.advance(by: .seconds(5))
            await clock.sleepers(atLeast: 1)
        }
        #expect(try await database.syncValue(DeviceStatusReport.key) != nil)
    }

    // MARK: Maintenance

    static func actions(_ database: AppDatabase, state: String, gateway: Bool) -> MaintenanceActions {
        MaintenanceActions(
            database: database, printer: nil, readerStatus: { "online" }, reconnectReader: {}, stateDirectory: state,
            exportDirectory: state, profileName: "80mm", now: { now }, gatewayConfigured: gateway)
    }

    @Test("maintenance mode shows the sync figures from SQLite when the gateway is configured")
    func maintenanceSyncFigures() async throws {
        let directory = Self.stateDirectory()
        let database = try AppDatabase.open(directory: directory)
        for index in 0..<5 {
            _ = try await database.submitMailRequest(
                MailRequest(
                    caseNumber: "M-\(index)", idempotencyKey: "key-\(index)", recipientName: "李建国",
                    phone: "13912345678", regionCode: "370102", address: "天河北路233号", postcode: "250000",
                    certificateName: "营业执照", requestedAt: Self.now.addingTimeInterval(Double(index))),
                terminalId: "T-01")
        }
        let batch = try await database.outboxBatch(now: Self.now.addingTimeInterval(60))
        #expect(batch.count == 5)
        let reasons = ["rejected: a", "rejected: b", "rejected: c", "rejected: d"]
        try await database.recordDelivery(
            zip(batch.prefix(4), reasons).map {
                OutboxOutcome(outboxId: $0.entry.id!, result: .deadLetter(reason: $1))
            },
            at: Self.now)
        try await database.setSyncTime(SyncStateKey.lastContactAt, Self.now)
        try await database.setSyncTime(SyncStateKey.lastPullAt, Self.now.addingTimeInterval(-60))

        let island = await Self.actions(database, state: directory, gateway: false).statusLines()
        #expect(!island.contains { $0.part == .maintenanceGatewayOutbox }, "an island kiosk shows no sync lines")

        var lines = await Self.actions(database, state: directory, gateway: true).statusLines()
        func state(_ part: StringKey) -> String? { lines.first { $0.part == part }?.state }
        #expect(state(.maintenanceGatewayEnrolled) == "no")
        #expect(state(.maintenanceGatewayOutbox) == "1")
        #expect(state(.maintenanceGatewayDeadLetters) == "4 (rejected: a; rejected: b; rejected: c)")
        #expect(state(.maintenanceGatewayContact) == DisplayFormat.receiptTime(Self.now))
        #expect(
            state(.maintenanceGatewayReplica)
                == "0 办件, last pull \(DisplayFormat.receiptTime(Self.now.addingTimeInterval(-60)))")

        let gateway = URL(fileURLWithPath: directory).appendingPathComponent("gateway")
        try FileManager.default.createDirectory(at: gateway, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: gateway.appendingPathComponent("enrollment.json"))
        lines = await Self.actions(database, state: directory, gateway: true).statusLines()
        #expect(state(.maintenanceGatewayEnrolled) == "yes")

        // The staff console draws them.
        let size = Size(width: 120, height: 40)
        let context = RenderContext(
            strings: try UIStrings.load(assetsDirectory: Self.assets), language: .simplifiedChinese, theme: .standard,
            size: size)
        let buffer = MaintenanceScreen.frame(.menu(status: lines, notice: nil), size: size, context: context)
        let text = (0..<size.height).map { y in
            (0..<size.width).filter { !buffer[$0, y].isContinuation }.map { String(buffer[$0, y].grapheme) }.joined()
        }.joined(separator: "\n")
        #expect(text.contains("上传失败 dead letters: 4 (rejected: a; rejected: b; rejected: c)"), "\(text)")
        #expect(text.contains("网关注册 gateway enrolled: yes"))
    }

    static let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("assets")

    // MARK: Waybill

    @Test("the detail of a 办件 whose mail request is 已交寄 carries the waybill")
    func postedWaybill() async throws {
        let fixture = try await SessionBackendFixture.make()
        let backend = fixture.backend
        let (token, _) = await backend.open(identity: SessionBackendFixture.identity())
        let rows = try await backend.caseFiles(session: token)
        let number = try #require(rows.first { $0.canMail }?.number)
        #expect(try await backend.detail(number: number, session: token).postedWaybill == nil)
        let submitted = try await fixture.database.submitMailRequest(
            MailRequest(
                caseNumber: number, idempotencyKey: "waybill-1", recipientName: "张晓梅", phone: "13912345678",
                regionCode: "110105", address: "北京市朝阳区示例路88号", postcode: "100020", certificateName: "不动产权证书",
                requestedAt: LiveSessionBackendItemTests.now),
            terminalId: "T-01")
        #expect(try await backend.detail(number: number, session: token).postedWaybill == nil, "已申请: no waybill yet")
        let id = try #require(submitted.request.id)
        _ = try await fixture.database.markMailSent(
            id: id, waybill: "SF1234567890", at: LiveSessionBackendItemTests.now, terminalId: "T-01")
        #expect(try await backend.detail(number: number, session: token).postedWaybill == "SF1234567890")
    }
}
