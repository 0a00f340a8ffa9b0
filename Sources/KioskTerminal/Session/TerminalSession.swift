import Foundation
import Glibc
import Synchronization

/// The kiosk's terminal: raw mode, alternate screen, mouse, input events, and diff-rendered frames.
///
/// Opening a session saves the terminal attributes, switches to raw mode (`cfmakeraw`: no signals from Ctrl-C/Z/\,
/// no echo, no flow control), enters the alternate screen, hides the cursor, turns autowrap off, enables SGR mouse
/// (1002 + 1006) and bracketed paste, and probes synchronized output (`CSI ?2026$p` then DA1 as sentinel).
/// ``restore()`` undoes all of it (and wipes the screen and scrollback); it runs from `deinit` too, is idempotent
/// and may be called from any thread, e.g. the app's SIGTERM handling.
///
/// Input is read on a dedicated thread (poll + non-blocking reads), never on Swift's cooperative pool, and
/// delivered through ``events``.
package final class TerminalSession: Sendable {
    /// How the session sets the terminal up.
    package struct Options: Sendable {
        /// Ignore SIGINT, SIGQUIT, SIGTSTP and SIGHUP while the session is open (restored by ``restore()``).
        package var kioskMode: Bool
        /// Send the DECRQM 2026 + DA1 probe on open and use synchronized output when the terminal confirms.
        package var probeSynchronizedOutput: Bool
        /// How long a lone ESC waits for the rest of a sequence.
        package var escapeTimeout: Duration
        /// How long ``present(_:)`` waits for a terminal that does not accept output before keeping the rest of the
        /// frame for later (it is never dropped).
        package var writeTimeout: Duration
        /// The colours to set in the terminal while the session is open (`nil`: keep the terminal's).
        package var palette: TerminalPalette?

        /// Creates options; the defaults are the kiosk's.
        package init(
            kioskMode: Bool = true,
            probeSynchronizedOutput: Bool = true,
            escapeTimeout: Duration = .milliseconds(50),
            writeTimeout: Duration = .milliseconds(200),
            palette: TerminalPalette? = nil
        ) {
            self.palette = palette
            self.kioskMode = kioskMode
            self.probeSynchronizedOutput = probeSynchronizedOutput
            self.escapeTimeout = escapeTimeout
            self.writeTimeout = writeTimeout
        }
    }

    /// Where the synchronized-output probe stands.
    package enum ProbeState: Hashable, Sendable {
        /// The probe was not sent.
        case notSent
        /// Waiting for the DA1 sentinel.
        case waiting
        /// The terminal answered; `synchronizedOutput` tells whether DECRPM reported mode 2026 as supported.
        case answered(synchronizedOutput: Bool)
    }

    /// Mutable state shared by the caller and the reader thread.
    private struct State: Sendable {
        var renderer = Renderer()
        var size: Size
        var pendingOutput: [UInt8] = []
        var restored = false
        var probe = ProbeState.notSent
        var decrpmPositive = false
        var savedAttributes: termios
        var savedFlags: Int32
        var savedInputFlags: Int32
        var ignoredSignals: IgnoredSignals?
        var bytesWritten = 0
    }

    /// The terminal input file descriptor (not owned; never closed).
    package let inputDescriptor: Int32
    /// The terminal output file descriptor (not owned; never closed).
    package let outputDescriptor: Int32
    private let options: Options
    private let state: Mutex<State>
    private let wakeup: WakeupPipe

    /// Decoded input, resizes and probe replies, in order. Finishes when the session is restored or the
    /// terminal goes away. Consume it from one task.
    package let events: AsyncStream<InputEvent>
    private let continuation: AsyncStream<InputEvent>.Continuation

    /// Opens a session on a terminal and enters kiosk mode.
    /// - Parameters:
    ///   - input: the terminal to read from (default standard input).
    ///   - output: the terminal to draw on (default standard output); may be the same terminal.
    ///   - options: signal policy, probing and timeouts.
    /// - Throws: ``TerminalError`` when `input` is not a terminal or a terminal call fails (nothing is left
    ///   changed then).
    package init(
        input: Int32 = STDIN_FILENO,
        output: Int32 = STDOUT_FILENO,
        options: Options = Options()
    )
        throws(TerminalError)
    {
        let saved = try SystemCalls.getAttributes(input)
        let size = try SystemCalls.windowSize(output)
        let flags = try SystemCalls.statusFlags(output)
        let inputFlags = try SystemCalls.statusFlags(input)
        let wake = try WakeupPipe()
        do {
            try SystemCalls.setAttributes(input, SystemCalls.raw(saved))
            try SystemCalls.setStatusFlags(output, flags | O_NONBLOCK)
            try SystemCalls.setStatusFlags(input, inputFlags | O_NONBLOCK)
        } catch {
            try? SystemCalls.setAttributes(input, saved)
            try? SystemCalls.setStatusFlags(output, flags)
            try? SystemCalls.setStatusFlags(input, inputFlags)
            wake.readerFinished()
            wake.sessionFinished()
            throw error
        }
        inputDescriptor = input
        outputDescriptor = output
        self.options = options
        wakeup = wake
        var initial = State(size: size, savedAttributes: saved, savedFlags: flags, savedInputFlags: inputFlags)
        if options.kioskMode { initial.ignoredSignals = IgnoredSignals.ignore() }
        initial.probe = options.probeSynchronizedOutput ? .waiting : .notSent
        state = Mutex(initial)
        (events, continuation) = AsyncStream.makeStream(of: InputEvent.self, bufferingPolicy: .bufferingNewest(4096))

        var setup: [UInt8] = []
        setup += ControlSequence.enterAlternateScreen
        if let palette = options.palette { setup += palette.setSequence }
        setup += ControlSequence.hideCursor
        setup += ControlSequence.autowrapOff
        setup += ControlSequence.mouseOn
        setup += ControlSequence.bracketedPasteOn
        setup += ControlSequence.resetStyle
        setup += ControlSequence.clearScreen
        if options.probeSynchronizedOutput { setup += ControlSequence.probeSynchronizedOutput }
        let written =
            (try? SystemCalls.writeAll(output, setup[...], timeout: Self.milliseconds(options.writeTimeout))) ?? 0
        state.withLock { $0.bytesWritten += written }

        _ = SignalWakeups.register(wake.writeEnd)
        startReader()
        SessionRegistry.add(self)
    }

    /// Restores every session that is still open — for a last-resort exit path; also runs from an `atexit` hook.
    package static func restoreAll() {
        SessionRegistry.restoreAll()
    }

    deinit {
        restore()
    }

    /// The terminal size in cells (re-measured on SIGWINCH).
    package var size: Size { state.withLock { $0.size } }

    /// Where the synchronized-output probe stands.
    package var probeState: ProbeState { state.withLock { $0.probe } }

    /// Whether frames are wrapped in synchronized-output (mode 2026) brackets.
    package var usesSynchronizedOutput: Bool { state.withLock { $0.renderer.synchronizedOutput } }

    /// Whether the next ``present(_:)`` repaints everything.
    var needsFullRepaint: Bool { state.withLock { $0.renderer.needsFullRepaint } }

    /// Bytes of rendered output the terminal has not taken yet.
    var pendingByteCount: Int { state.withLock { $0.pendingOutput.count } }

    /// The total number of bytes this session wrote to the terminal (setup, frames, restore).
    package var bytesWritten: Int { state.withLock { $0.bytesWritten } }

    /// Draws `buffer`, writing only what differs from the screen, in one `write(2)` where the terminal allows.
    ///
    /// Only a buffer of the terminal's current ``size`` is drawn: after a resize, frames of the old size are
    /// ignored (they would garble the screen) until the app lays out again for the ``InputEvent/resize(_:)`` event.
    ///
    /// Output the terminal does not take within ``Options/writeTimeout`` is kept and sent first next time; while
    /// such a backlog exists, new frames are not rendered (the next call catches up).
    /// - Returns: the number of bytes this frame produced (0 when nothing changed).
    /// - Throws: ``TerminalError`` when the write fails; the next frame is then a full repaint.
    @discardableResult
    package func present(_ buffer: CellBuffer) throws(TerminalError) -> Int {
        try state.withLock { (state: inout State) throws(TerminalError) -> Int in
            guard !state.restored else { throw .closed(outputDescriptor) }
            try flushPending(&state)
            guard state.pendingOutput.isEmpty, buffer.size == state.size else { return 0 }
            var frame: [UInt8] = []
            frame.reserveCapacity(buffer.size.width * buffer.size.height * 4)
            state.renderer.render(buffer, into: &frame)
            guard !frame.isEmpty else { return 0 }
            state.pendingOutput = frame
            try flushPending(&state)
            return frame.count
        }
    }

    /// Forgets what is on screen: the next ``present(_:)`` repaints everything (call it on a timer to heal from
    /// anything that garbled the display).
    package func invalidate() {
        state.withLock { $0.renderer.invalidate() }
    }

    /// Erases the screen and the scrollback (`CSI 2J`, `CSI 3J`) now, for privacy between citizens; the next
    /// ``present(_:)`` repaints everything.
    package func wipe() {
        state.withLock { state in
            guard !state.restored else { return }
            state.pendingOutput +=
                ControlSequence.resetStyle + ControlSequence.clearScreen
                + ControlSequence.clearScrollback
            state.renderer.invalidate()
            try? flushPending(&state)
        }
    }

    /// Leaves kiosk mode: mouse and paste off, screen and scrollback wiped, autowrap and cursor back, main screen,
    /// the saved terminal attributes and file flags restored, signals back to their previous handlers, the
    /// reader thread stopped and ``events`` finished. Safe to call more than once and from any thread.
    package func restore() {
        let wasRestored = state.withLock { state -> Bool in
            if state.restored { return true }
            state.restored = true
            var bytes = state.pendingOutput
            bytes += ControlSequence.mouseOff
            bytes += ControlSequence.bracketedPasteOff
            bytes += ControlSequence.resetStyle
            bytes += ControlSequence.clearScreen
            bytes += ControlSequence.clearScrollback
            bytes += ControlSequence.home
            bytes += ControlSequence.autowrapOn
            bytes += ControlSequence.showCursor
            if options.palette != nil { bytes += TerminalPalette.resetSequence }
            bytes += ControlSequence.leaveAlternateScreen
            state.pendingOutput = []
            if let written = try? SystemCalls.writeAll(outputDescriptor, bytes[...], timeout: 500) {
                state.bytesWritten += written
            }
            try? SystemCalls.setAttributes(inputDescriptor, state.savedAttributes)
            try? SystemCalls.setStatusFlags(inputDescriptor, state.savedInputFlags)
            try? SystemCalls.setStatusFlags(outputDescriptor, state.savedFlags)
            state.ignoredSignals?.restore()
            state.ignoredSignals = nil
            return false
        }
        guard !wasRestored else { return }
        SessionRegistry.remove(self)
        SignalWakeups.unregister(wakeup.writeEnd)
        wakeup.sessionFinished()
    }

    // MARK: - Output

    /// Writes as much of the pending output as the terminal takes within the write timeout.
    private func flushPending(_ state: inout State) throws(TerminalError) {
        guard !state.pendingOutput.isEmpty else { return }
        do {
            let written = try SystemCalls.writeAll(
                outputDescriptor,
                state.pendingOutput[...],
                timeout: Self.milliseconds(options.writeTimeout)
            )
            state.bytesWritten += written
            state.pendingOutput.removeFirst(written)
        } catch {
            state.pendingOutput = []
            state.renderer.invalidate()
            throw error
        }
    }

    /// `duration` in whole milliseconds for `poll(2)`.
    private static func milliseconds(_ duration: Duration) -> Int32 {
        Int32(clamping: duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    // MARK: - Input

    /// Starts the thread that polls the terminal and the wake-up pipe, decodes input and handles resizes and
    /// probe replies.
    private func startReader() {
        let reader = InputReader(
            input: inputDescriptor,
            output: outputDescriptor,
            wakeup: wakeup,
            escapeTimeout: options.escapeTimeout,
            continuation: continuation,
            handle: { [weak self] event in self?.handleInternally(event) ?? event }
        )
        let thread = Thread { reader.run() }
        thread.name = "kiosk-terminal-input"
        thread.start()
    }

    /// Applies resizes and probe replies to the session's state before the event is delivered.
    /// - Returns: the event to deliver (resizes carry the re-measured size).
    private func handleInternally(_ event: InputEvent) -> InputEvent? {
        switch event {
        case .resize:
            guard let size = try? SystemCalls.windowSize(outputDescriptor) else { return nil }
            state.withLock { state in
                state.size = size
                state.renderer.invalidate()
            }
            return .resize(size)
        case .modeReport(mode: 2026, let setting):
            state.withLock { $0.decrpmPositive = setting == 1 || setting == 2 }
        case .deviceAttributes:
            state.withLock { state in
                guard state.probe == .waiting else { return }
                state.probe = .answered(synchronizedOutput: state.decrpmPositive)
                state.renderer.synchronizedOutput = state.decrpmPositive
            }
        default:
            break
        }
        return event
    }
}
