import Foundation
import KioskCore
import Logging
import ServiceLifecycle
import Synchronization
import Testing

@testable import KioskDevices

/// The reader service against the emulator on a real pty (real time: short poll intervals).
@Suite struct ReaderServiceTests {
    static func configuration() -> ReaderServiceConfiguration {
        var configuration = ReaderServiceConfiguration()
        configuration.pollInterval = .milliseconds(20)
        // Generous deadlines: the machine running the tests may be busy; only the fault tests shorten them.
        configuration.commandTimeout = .seconds(1)
        configuration.readTimeout = .seconds(1)
        configuration.initialBackoff = .milliseconds(50)
        configuration.maximumBackoff = .milliseconds(200)
        return configuration
    }

    @Test func insertionPresenceAndRemoval() async throws {
        let fixture = try PTYFixture()
        let running = RunningService(SerialConnector(path: fixture.linkPath))
        defer { running.stop() }
        let (service, recorder, second) = (running.service, running.recorder, running.second)

        #expect(await recorder.wait { $0.contains { $0.statusValue?.device == .online } })
        #expect(service.status.samID == "05.01-20150101-0012345678-1234567890")
        fixture.emulator.place(SampleCards.elder)
        #expect(await recorder.wait { $0.contains { $0.insertedIdentity != nil } })
        #expect(recorder.all.compactMap(\.insertedIdentity).first?.name == "张晓梅")
        #expect(service.status.media == .present)

        // The read card answers find with 0x80; many polls later it is still present.
        let reads = fixture.emulator.receivedCommands.count
        #expect(await recorder.wait(timeout: .seconds(5)) { _ in fixture.emulator.receivedCommands.count > reads + 20 })
        #expect(recorder.count(\.isRemoval) == 0)
        #expect(recorder.count { $0.insertedIdentity != nil } == 1)

        fixture.emulator.remove()
        #expect(await recorder.wait { $0.contains(where: \.isRemoval) })
        #expect(service.status.media == .notPresent)
        // A second consumer saw the same story.
        #expect(await second.wait { $0.contains(where: \.isRemoval) && $0.contains { $0.insertedIdentity != nil } })

        // Another card: inserted again.
        fixture.emulator.place(SampleCards.foreigner)
        #expect(await recorder.wait { $0.compactMap(\.insertedIdentity).count == 2 })
        #expect(recorder.all.compactMap(\.insertedIdentity).last?.englishName == "SMITH JOHN")
    }

    /// A read is announced before its result, so the screen can show 读卡中 while a slow reader reads.
    @Test func readIsAnnouncedBeforeTheCardIsInserted() async throws {
        let fixture = try PTYFixture()
        let running = RunningService(SerialConnector(path: fixture.linkPath))
        defer { running.stop() }
        let recorder = running.recorder
        #expect(await recorder.wait { $0.contains { $0.statusValue?.device == .online } })
        #expect(!recorder.all.contains { $0.isReading }, "no card yet, no read")
        fixture.emulator.place(SampleCards.resident)
        #expect(await recorder.wait { $0.contains { $0.insertedIdentity != nil } })
        let events = recorder.all
        let reading = try #require(events.firstIndex { $0.isReading }, "no cardReading before the card")
        let inserted = try #require(events.firstIndex { $0.insertedIdentity != nil })
        #expect(reading < inserted)
        #expect(events.filter { $0.isReading }.count == 1)
    }

    @Test func swappingCardsBetweenPollsIsARemovalAndAnInsertion() async throws {
        let fixture = try PTYFixture(card: SampleCards.resident)
        let running = RunningService(SerialConnector(path: fixture.linkPath))
        defer { running.stop() }
        let recorder = running.recorder
        #expect(await recorder.wait { $0.contains { $0.insertedIdentity != nil } })
        fixture.emulator.place(SampleCards.young)  // a fresh card answers find with 0x9F at once
        #expect(await recorder.wait { $0.compactMap(\.insertedIdentity).count == 2 })
        let names = recorder.all.compactMap(\.insertedIdentity).map(\.name)
        #expect(names == ["李建国", "赵磊"])
        #expect(recorder.count(\.isRemoval) == 1)
    }

    @Test func failedReadsAreReportedAndRetried() async throws {
        let fixture = try PTYFixture()
        let running = RunningService(SerialConnector(path: fixture.linkPath))
        defer { running.stop() }
        let recorder = running.recorder
        #expect(await recorder.wait { $0.contains { $0.statusValue?.device == .online } })
        fixture.emulator.inject(.badChecksum)  // spoils the first find: ignored, polling goes on
        fixture.emulator.inject(.readFailure)
        fixture.emulator.place(SampleCards.expired)
        #expect(await recorder.wait { $0.contains { $0.insertedIdentity != nil } })
        #expect(recorder.all.contains { $0.readError?.status == .readFailed })
        let identity = try #require(recorder.all.compactMap(\.insertedIdentity).first)
        #expect(identity.isExpired(on: try #require(CardDate(yyyymmdd: "20251122"))))
    }

    @Test func removalMidReadReportsATimeoutAndNoCard() async throws {
        let fixture = try PTYFixture(lineSpeed: true)
        let running = RunningService(SerialConnector(path: fixture.linkPath))
        defer { running.stop() }
        let (service, recorder) = (running.service, running.recorder)
        #expect(await recorder.wait { $0.contains { $0.statusValue?.device == .online } })
        fixture.emulator.inject(.removeMidRead)
        fixture.emulator.place(SampleCards.rare)
        #expect(await recorder.wait { $0.contains { $0.readError?.category == .timeout } })
        #expect(await recorder.wait { _ in service.status.media == .notPresent })
        #expect(recorder.count { $0.insertedIdentity != nil } == 0)
        #expect(service.status.device == .online)
    }

    @Test func unplugGoesOfflineAndReconnects() async throws {
        let fixture = try PTYFixture(card: SampleCards.hkmo)
        let connector = CountingConnector(SerialConnector(path: fixture.linkPath))
        let running = RunningService(connector)
        defer { running.stop() }
        let (service, recorder) = (running.service, running.recorder)
        #expect(await recorder.wait { $0.contains { $0.insertedIdentity != nil } })
        fixture.host.unplug()
        #expect(await recorder.wait { $0.contains(where: \.isRemoval) })
        #expect(await recorder.wait { _ in service.status.device == .noDevice })
        // Replugged only after the service has tried, and failed, to reopen the line a few times.
        #expect(await recorder.wait { _ in connector.failures >= 3 })
        try fixture.host.replug()
        #expect(await recorder.wait { _ in service.status.device == .online })
        // The card is still on the reader after the replug, fresh for the new SAM session.
        #expect(await recorder.wait { $0.compactMap(\.insertedIdentity).count == 2 })
    }

    @Test func silentSAMIsReopenedAndTheCardReadAgain() async throws {
        let fixture = try PTYFixture(card: SampleCards.young)
        var configuration = Self.configuration()
        configuration.commandTimeout = .milliseconds(300)
        let running = RunningService(SerialConnector(path: fixture.linkPath), configuration: configuration)
        defer { running.stop() }
        let (service, recorder) = (running.service, running.recorder)
        #expect(await recorder.wait { $0.contains { $0.insertedIdentity != nil } })
        fixture.emulator.inject(.noAnswer(count: 3))
        #expect(await recorder.wait { $0.contains { $0.statusValue?.device == .offline } })
        #expect(await recorder.wait { _ in service.status.device == .online })
        // No power cycle: the card still answers find with 0x80, yet the new session reads it.
        #expect(await recorder.wait { $0.compactMap(\.insertedIdentity).count == 2 })
        #expect(recorder.count(\.isRemoval) == 1)
    }

    @Test func statusNeverWaitsBehindARead() async throws {
        // At 9600 baud a read answer takes 1.36 s on the line.
        let fixture = try PTYFixture(baudRate: .b9600, lineSpeed: true)
        var configuration = Self.configuration()
        configuration.readTimeout = .seconds(3)
        configuration.commandTimeout = .milliseconds(500)
        let running = RunningService(
            SerialConnector(path: fixture.linkPath, baudRate: .b9600), configuration: configuration)
        defer { running.stop() }
        let (service, recorder) = (running.service, running.recorder)
        #expect(await recorder.wait { $0.contains { $0.statusValue?.device == .online } })
        fixture.emulator.place(SampleCards.young)
        // Wait until the read request is on the line.
        #expect(await recorder.wait { _ in fixture.emulator.receivedCommands.contains(.readText) })
        var slowest = Duration.zero
        for _ in 0..<50 {
            let start = ContinuousClock.now
            let status = service.status
            slowest = max(slowest, ContinuousClock.now - start)
            #expect(status.device == .online)
        }
        #expect(recorder.count { $0.insertedIdentity != nil } == 0, "the read should still be in progress")
        #expect(slowest < .milliseconds(50))
        #expect(await recorder.wait { $0.contains { $0.insertedIdentity != nil } })
    }
}

/// The service with the in-process simulator and a clock that never really sleeps.
@Suite struct SimulatedReaderServiceTests {
    @Test func simulatedCardsAndUnplugUnderAServiceGroup() async throws {
        let reader = SimulatedCardReader(sleep: { _ in await Task.yield() })
        let service = IDCardReaderService(
            connector: reader, configuration: ReaderServiceConfiguration(), clock: InstantClock(),
            logger: Logger(label: "test"))
        let recorder = EventRecorder(service.events())
        let group = ServiceGroup(
            configuration: .init(services: [service], gracefulShutdownSignals: [], logger: Logger(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            #expect(await recorder.wait { $0.contains { $0.statusValue?.device == .online } })
            #expect(reader.place(named: "rare"))
            #expect(await recorder.wait { $0.contains { $0.insertedIdentity?.name == "吴\u{20BB7}" } })
            reader.remove()
            #expect(await recorder.wait { $0.contains(where: \.isRemoval) })
            reader.unplug()
            #expect(await recorder.wait { _ in service.status.device == .noDevice })
            reader.replug()
            #expect(await recorder.wait { _ in service.status.device == .online })
            #expect(!reader.place(named: "nobody"))
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        // The event streams end with the service.
        #expect(await recorder.wait { _ in true })
    }
}

extension SimulatedReaderServiceTests {
    @Test func failedSelfTestIsAHardwareErrorUntilTheSAMRecovers() async throws {
        let reader = SimulatedCardReader(sleep: { _ in await Task.yield() })
        reader.emulator.inject(.status(0x60))
        reader.emulator.inject(.status(0x60))
        let service = IDCardReaderService(
            connector: reader, configuration: ReaderServiceConfiguration(), clock: InstantClock(),
            logger: Logger(label: "test"))
        let recorder = EventRecorder(service.events())
        let task = Task { try await service.run() }
        defer { task.cancel() }
        #expect(await recorder.wait { _ in service.status.device == .online })
        let devices = recorder.all.compactMap(\.statusValue?.device)
        #expect(devices.first == .offline)
        #expect(devices.contains(.hardwareError))
        #expect(!devices.dropFirst().contains(.offline), "a failed self-test is not reported as offline")
    }
}

/// A clock whose sleeps return at once (after a yield) and advance its time: the service's poll
/// loop runs without waiting on wall-clock time.
struct InstantClock: Clock {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let time = TimeBox()
    var now: Instant { Instant(offset: time.value) }
    var minimumResolution: Duration { .nanoseconds(1) }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        time.advance(to: deadline.offset)
        await Task.yield()
    }
}

/// The instant clock's shared time.
final class TimeBox: Sendable {
    private let storage = Mutex(Duration.zero)
    var value: Duration { storage.withLock { $0 } }
    func advance(to offset: Duration) { storage.withLock { $0 = max($0, offset) } }
}

/// A connector that counts the connects that failed, so a test can wait for the service's retries.
final class CountingConnector: SAMConnector {
    private let inner: any SAMConnector
    private let failed = Mutex(0)

    init(_ inner: any SAMConnector) { self.inner = inner }

    /// Connects that threw so far.
    var failures: Int { failed.withLock { $0 } }
    var description: String { inner.description }

    func connect() async throws -> any SAMTransport {
        do {
            return try await inner.connect()
        } catch {
            failed.withLock { $0 += 1 }
            throw error
        }
    }
}

/// The service running on a line for one test: its events recorded from the start (twice, for tests
/// of a second subscriber). ``stop()`` cancels it.
struct RunningService {
    let service: IDCardReaderService<ContinuousClock>
    let recorder: EventRecorder
    let second: EventRecorder
    private let task: Task<Void, any Error>

    init(_ connector: any SAMConnector, configuration: ReaderServiceConfiguration = ReaderServiceTests.configuration())
    {
        let service = IDCardReaderService(
            connector: connector, configuration: configuration, logger: Logger(label: "test"))
        self.service = service
        recorder = EventRecorder(service.events())
        second = EventRecorder(service.events())
        task = Task { try await service.run() }
    }

    func stop() { task.cancel() }
}
