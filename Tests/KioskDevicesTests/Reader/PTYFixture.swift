import Foundation
import KioskCore
import Synchronization

@testable import KioskDevices

/// A SAM emulator served on a real pty behind a fresh symlink, for tests that run the real driver.
///
/// Links go under `$KIOSK_TEST_TMPDIR` when scripts/test sets it, else the system temporary directory.
final class PTYFixture: Sendable {
    let host: SAMPTYHost
    let linkPath: String

    init(card: CardRecord? = nil, baudRate: BaudRate = .b115200, lineSpeed: Bool = false) throws {
        let directory = ProcessInfo.processInfo.environment["KIOSK_TEST_TMPDIR"] ?? NSTemporaryDirectory()
        linkPath = (directory as NSString).appendingPathComponent("idcard-\(UUID().uuidString.prefix(8))")
        host = try SAMPTYHost(
            emulator: SAMEmulator(card: card), linkPath: linkPath, baudRate: baudRate, lineSpeed: lineSpeed)
        host.start()
    }

    deinit {
        host.stop()
    }

    var emulator: SAMEmulator { host.emulator }

    /// Opens the real serial driver on the link.
    func open(baudRate: BaudRate = .b115200) async throws -> SerialLink {
        try await SerialLink.open(path: linkPath, baudRate: baudRate)
    }
}

/// Collects a service's events in the background so tests can wait for conditions on them.
final class EventRecorder: Sendable {
    private let box = EventBox()
    private let task: Task<Void, Never>

    init(_ stream: AsyncStream<ReaderEvent>) {
        let box = self.box
        task = Task {
            for await event in stream { box.events.withLock { $0.append(event) } }
        }
    }

    deinit {
        task.cancel()
    }

    /// Everything received so far.
    var all: [ReaderEvent] { box.events.withLock { $0 } }

    /// Waits (polling every 5 ms, up to `timeout`) until `condition` holds for the events received;
    /// returns whether it did.
    func wait(
        timeout: Duration = .seconds(10), until condition: @Sendable ([ReaderEvent]) -> Bool
    ) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(all) { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return condition(all)
    }

    /// Number of events matching `predicate`.
    func count(_ predicate: (ReaderEvent) -> Bool) -> Int { all.filter(predicate).count }
}

/// The recorder's storage, shared with its collecting task.
final class EventBox: Sendable {
    let events = Mutex<[ReaderEvent]>([])
}

extension ReaderEvent {
    var insertedIdentity: Identity? {
        if case .cardInserted(let identity) = self { return identity }
        return nil
    }
    var isReading: Bool {
        if case .cardReading = self { return true }
        return false
    }
    var isRemoval: Bool {
        if case .cardRemoved = self { return true }
        return false
    }
    var readError: ReaderError? {
        if case .readFailed(let error) = self { return error }
        return nil
    }
    var statusValue: ReaderStatus? {
        if case .statusChanged(let status) = self { return status }
        return nil
    }
}
