import Foundation
import Glibc
import KioskCore
import KioskTerminal
import KioskUI
import Logging
import ServiceLifecycle
import ServiceLifecycleTestKit
import Synchronization
import Testing

@testable import KioskApp

/// A screen whose tick handling can be made to hang, as a stuck UI would.
final class HangableScreen: ScreenDriver {
    private let state = Mutex<(hang: Bool, waiting: [CheckedContinuation<Void, Never>], ticks: Int)>((false, [], 0))

    var ticks: Int { state.withLock { $0.ticks } }

    /// True once a tick is stuck inside the screen.
    var isHanging: Bool { state.withLock { !$0.waiting.isEmpty } }

    func hang() { state.withLock { $0.hang = true } }

    func release() {
        let waiting = state.withLock { state in
            state.hang = false
            defer { state.waiting = [] }
            return state.waiting
        }
        for waiter in waiting { waiter.resume() }
    }

    func handle(_ event: ShellEvent) async {
        guard case .tick = event else { return }
        let mustHang = state.withLock { state -> Bool in
            state.ticks += 1
            return state.hang
        }
        if mustHang {
            await withCheckedContinuation { continuation in
                state.withLock { $0.waiting.append(continuation) }
            }
        }
    }

    func frame(size: Size) async -> CellBuffer {
        var buffer = CellBuffer(size: size)
        buffer.withCanvas { canvas in _ = canvas.text("请将身份证放在读卡区", at: Point(x: 1, y: 1)) }
        return buffer
    }

    func statusName() async -> String { "home" }
}

/// A pseudo-terminal whose slave side the UI draws on; the master side is drained in the background.
final class DrainedPTY: @unchecked Sendable {
    let master: Int32
    let slave: Int32
    private let received = ReceivedBytes()
    private var thread: Thread?

    init() throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, nil) == 0 else { throw POSIXError(.EIO) }
        self.master = master
        self.slave = slave
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
        let received = self.received
        let reader = master
        thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(reader, &buffer, buffer.count)
                if count <= 0 { return }
                received.bytes.withLock { $0 += buffer[..<count] }
            }
        }
        thread?.start()
    }

    var output: String { String(decoding: received.bytes.withLock { $0 }, as: UTF8.self) }

    deinit {
        close(slave)
        close(master)
    }
}

/// Bytes collected by a reader thread.
final class ReceivedBytes: Sendable {
    let bytes = Mutex<[UInt8]>([])
}

@Suite(.serialized) struct UIServiceTests {
    @Test func readyAfterFirstFrameWatchdogFromTheTickAndSilenceWhenTheLoopHangs() async throws {
        let socket = try NotifySocket(abstract: true)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.address, "WATCHDOG_USEC": "200000"])
        let pty = try DrainedPTY()
        let screen = HangableScreen()
        let (cards, _) = AsyncStream.makeStream(of: CardEvent.self)
        let service = UIService(
            screen: screen,
            makeTerminal: {
                try TerminalSession(
                    input: pty.slave, output: pty.slave,
                    options: .init(kioskMode: false, probeSynchronizedOutput: false))
            },
            notifier: notifier, mode: .demo, cardEvents: cards, tickInterval: .milliseconds(20),
            repaintInterval: .seconds(300), logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))

        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await service.run() }

                // Generous deadlines: the suite runs in parallel on two cores, so wall-clock windows
                // only bound the silence, never the pace.
                #expect(socket.receive(timeout: 60) == "READY=1\nSTATUS=home")
                // The tick pings every half interval (100 ms).
                var pings = 0
                while pings < 3, let datagram = socket.receive(timeout: 30) {
                    if datagram == "WATCHDOG=1" { pings += 1 }
                }
                #expect(pings == 3, "expected watchdog pings from the tick")
                #expect(pty.output.contains("请将身份证放在读卡区"))

                // The UI loop hangs inside a tick: the pings stop.
                screen.hang()
                while !screen.isHanging { try await Task.sleep(for: .milliseconds(10)) }
                while socket.hasPending() { _ = socket.receive() }
                #expect(socket.receive(timeout: 1) == nil, "a hung UI loop must not ping the watchdog")

                // Released, it pings again; a graceful shutdown then says STOPPING=1 and returns.
                screen.release()
                #expect(socket.receive(timeout: 30) == "WATCHDOG=1")
                trigger.triggerGracefulShutdown()
                try await group.next()
                var received: [String] = []
                while let datagram = socket.receive(timeout: 1) { received.append(datagram) }
                #expect(received.last == "STOPPING=1")
            }
        }
    }
}
