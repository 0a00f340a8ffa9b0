import Foundation
import Glibc
import Synchronization

/// Serves a ``SAMEmulator`` over a real pseudo-terminal, on its own thread, with a stable symlink.
///
/// Clients open ``devicePath`` (the symlink when one is given) exactly like a serial reader. With
/// `lineSpeed` the answers are paced at the baud rate (10 bits per byte, the request's own line time
/// included) so timings match a real UART. ``unplug()`` closes the pty (clients see a hang-up) and
/// removes the link; ``replug()`` makes a new pty and points the link at it.
package final class SAMPTYHost: Sendable {
    private struct Shared {
        var terminal: PseudoTerminalBox?
        /// Terminals taken out of service, closed by the serving thread (never under its feet).
        var retired: [PseudoTerminalBox] = []
        var stopping = false
        var running = false
        /// CPU time the serving thread has used, in nanoseconds (updated every turn).
        var threadCPU: Int64 = 0
    }

    /// The emulator behind the line.
    package let emulator: SAMEmulator
    /// The symlink clients open, or `nil` to use the `/dev/pts/N` path directly.
    package let linkPath: String?
    /// The speed used for pacing.
    package let baudRate: BaudRate
    /// Whether answers are paced at the baud rate.
    package let lineSpeed: Bool
    private let shared = Mutex(Shared())
    private let finished = DispatchSemaphore(value: 0)

    /// Creates the first pty (and the link) right away; call ``start()`` to serve it.
    ///
    /// - Throws: ``SerialError`` when the pty or the link cannot be made.
    package init(
        emulator: SAMEmulator, linkPath: String? = nil, baudRate: BaudRate = .b115200, lineSpeed: Bool = false
    ) throws {
        self.emulator = emulator
        self.linkPath = linkPath
        self.baudRate = baudRate
        self.lineSpeed = lineSpeed
        try replug()
    }

    deinit {
        if let linkPath { unlink(linkPath) }
    }

    /// The path to open: the link, or the current `/dev/pts/N` (which changes on replug).
    package var devicePath: String {
        linkPath ?? shared.withLock { $0.terminal?.terminal.slavePath } ?? "/dev/null"
    }

    /// CPU time used by the serving thread so far (`CLOCK_THREAD_CPUTIME_ID`), so benchmarks can
    /// tell the emulator's share of the process's CPU from the driver's.
    package var emulatorCPUTime: Duration {
        .nanoseconds(shared.withLock { $0.threadCPU })
    }

    /// `true` while the pty exists (between ``replug()`` and ``unplug()``).
    package var isPlugged: Bool { shared.withLock { $0.terminal != nil } }

    /// Starts the serving thread.
    package func start() {
        let alreadyRunning = shared.withLock { state in
            defer { state.running = true }
            return state.running
        }
        guard !alreadyRunning else { return }
        let thread = Thread { [self] in
            serve()
            finished.signal()
        }
        thread.name = "sam-emulator"
        thread.start()
    }

    /// Stops the thread, closes the pty and removes the link.
    package func stop() {
        let wasRunning = shared.withLock { state in
            state.stopping = true
            return state.running
        }
        if wasRunning { finished.wait() }
        shared.withLock { $0.running = false }
        unplug()
    }

    /// Closes the pty and removes the link: clients see a hang-up, as when the USB cable is pulled.
    package func unplug() {
        if let linkPath { unlink(linkPath) }
        retire { $0.terminal = nil }
        emulator.powerCycle()
        waitForRetirement()
    }

    /// Makes a new pty and (re)points the link at it atomically (symlink to a temporary name, then rename).
    package func replug() throws {
        let terminal = try PseudoTerminal()
        if let linkPath {
            let temporary = linkPath + ".new"
            unlink(temporary)
            guard symlink(terminal.slavePath, temporary) == 0 else {
                throw SerialError.system("symlink", errno: errno, path: temporary)
            }
            guard rename(temporary, linkPath) == 0 else {
                throw SerialError.system("rename", errno: errno, path: linkPath)
            }
        }
        let box = PseudoTerminalBox(terminal: terminal)
        retire { $0.terminal = box }
    }

    /// Waits (up to 1 s) until the serving thread has closed every retired terminal, so a client sees
    /// the hang-up as soon as ``unplug()`` returns.
    private func waitForRetirement() {
        for _ in 0..<1000 {
            if shared.withLock({ $0.retired.isEmpty }) { return }
            usleep(1000)
        }
    }

    /// Replaces the current terminal via `change`; the old one is closed now when no thread serves
    /// it, or by the serving thread on its next turn.
    private func retire(_ change: (inout Shared) -> Void) {
        let closeNow: [PseudoTerminalBox] = shared.withLock { state in
            if let old = state.terminal { state.retired.append(old) }
            change(&state)
            // A serving thread closes retired terminals itself; without one, close them here.
            if state.running && !state.stopping { return [] }
            defer { state.retired = [] }
            return state.retired
        }
        for connection in closeNow { connection.terminal.close() }
    }

    /// The serving loop: poll the master in 20 ms slices, feed the emulator, write its answers.
    private func serve() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            var cpu = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu)
            let cpuNanoseconds = Int64(cpu.tv_sec) * 1_000_000_000 + Int64(cpu.tv_nsec)
            let (stopping, box, retired) = shared.withLock { state in
                defer { state.retired = [] }
                state.threadCPU = cpuNanoseconds
                return (state.stopping, state.terminal, state.retired)
            }
            for connection in retired { connection.terminal.close() }
            if stopping { return }
            guard let box else {
                usleep(20_000)
                continue
            }
            let master = box.terminal.master
            guard master >= 0 else {
                usleep(20_000)
                continue
            }
            var request = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, 20)
            guard ready > 0, request.revents & Int16(POLLIN) != 0 else {
                if ready > 0 { usleep(20_000) }  // hang-up without data: back off instead of spinning
                continue
            }
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress!, $0.count) }
            guard count > 0 else { continue }
            // Unplugged while we were reading: a dead line answers nothing.
            guard shared.withLock({ $0.terminal === box }) else { continue }
            for answer in emulator.receive(Array(buffer.prefix(count))) {
                send(answer, to: box)
            }
        }
    }

    /// Writes one answer, paced at the line speed when asked.
    private func send(_ answer: SAMEmulator.Answer, to box: PseudoTerminalBox) {
        guard lineSpeed else {
            write(answer.bytes, to: box)
            return
        }
        let nanosecondsPerByte = 10 * 1_000_000_000 / Int64(baudRate.rawValue)
        // The request took this long on a real line: the answer cannot start earlier.
        var due = monotonicNanoseconds() + Int64(answer.requestSize) * nanosecondsPerByte
        var index = 0
        let chunk = 16
        while index < answer.bytes.count {
            let end = min(index + chunk, answer.bytes.count)
            due += Int64(end - index) * nanosecondsPerByte
            sleep(until: due)
            write(Array(answer.bytes[index..<end]), to: box)
            index = end
        }
    }

    /// Writes all of `bytes` to the master, waiting while the pty's buffer is full.
    private func write(_ bytes: [UInt8], to box: PseudoTerminalBox) {
        var written = 0
        while written < bytes.count {
            let master = box.terminal.master
            guard master >= 0 else { return }
            let result = bytes.withUnsafeBytes { Glibc.write(master, $0.baseAddress! + written, $0.count - written) }
            if result > 0 {
                written += result
            } else if result < 0 && (errno == EAGAIN || errno == EINTR) {
                var request = pollfd(fd: master, events: Int16(POLLOUT), revents: 0)
                _ = poll(&request, 1, 20)
                if shared.withLock({ $0.stopping || $0.terminal !== box }) { return }
            } else {
                return
            }
        }
    }

    /// Sleeps until the monotonic time `deadline` (nanoseconds).
    private func sleep(until deadline: Int64) {
        var target = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &target, nil) == EINTR {}
    }
}

/// Lets the non-`Sendable` ``PseudoTerminal`` live in the host's mutex: it is only closed under the
/// lock's hand-over and otherwise read (its descriptors) by the serving thread.
private final class PseudoTerminalBox: @unchecked Sendable {
    let terminal: PseudoTerminal
    init(terminal: PseudoTerminal) { self.terminal = terminal }
}
