import Foundation
import Glibc
import KioskTestSupport
import Testing

@testable import KioskTerminal

/// ``TerminalSession`` against a real pseudo-terminal: raw mode and its restoration, the bytes on the master side,
/// input events, resize, and the synchronized-output probe. Serialized: SIGWINCH reaches every open session.
@Suite(.serialized, .timeLimit(.minutes(1))) struct TerminalSessionTests {
    static let options = TerminalSession.Options(kioskMode: false)

    /// A pseudo-terminal of `columns`×`rows` and a session on it with ``options`` (the caller restores it).
    static func open(columns: Int, rows: Int) throws -> (PseudoTerminal, TerminalSession) {
        let pty = try PseudoTerminal(columns: columns, rows: rows)
        return (pty, try TerminalSession(input: pty.slave, output: pty.slave, options: options))
    }

    /// A frame of `size` with `text` drawn at `point`.
    static func frame(_ text: String, at point: Point, size: Size) -> CellBuffer {
        var screen = CellBuffer(size: size)
        screen.withCanvas { $0.text(text, at: point) }
        return screen
    }

    @Test func entersRawModeAndRestoresTheTerminal() throws {
        let pty = try PseudoTerminal(columns: 100, rows: 30)
        let before = pty.attributes()
        #expect(before.c_lflag & tcflag_t(ICANON | ECHO | ISIG) != 0)
        let session = try TerminalSession(input: pty.slave, output: pty.slave, options: Self.options)
        #expect(session.size == Size(width: 100, height: 30))
        let raw = pty.attributes()
        #expect(raw.c_lflag & tcflag_t(ICANON | ECHO | ISIG | IEXTEN) == 0)
        #expect(raw.c_iflag & tcflag_t(IXON | ICRNL) == 0)
        #expect(raw.c_oflag & tcflag_t(OPOST) == 0)
        let setup = pty.read(containing: "\u{1B}[c")
        for sequence in [
            "\u{1B}[?1049h", "\u{1B}[?25l", "\u{1B}[?7l", "\u{1B}[?1002h", "\u{1B}[?1006h", "\u{1B}[?2026$p",
        ] {
            #expect(setup.contains(sequence), "\(sequence.debugDescription) missing")
        }
        _ = pty.take()

        session.restore()
        let after = pty.attributes()
        #expect(after.c_lflag == before.c_lflag && after.c_iflag == before.c_iflag)
        #expect(after.c_oflag == before.c_oflag && after.c_cflag == before.c_cflag)
        #expect(fcntl(pty.slave, F_GETFL) & O_NONBLOCK == 0)
        let teardown = pty.read(containing: "\u{1B}[?1049l")
        for sequence in ["\u{1B}[?1006l", "\u{1B}[?1002l", "\u{1B}[2J", "\u{1B}[3J", "\u{1B}[?7h", "\u{1B}[?25h"] {
            #expect(teardown.contains(sequence), "\(sequence.debugDescription) missing")
        }
        session.restore()  // idempotent
        #expect(throws: TerminalError.self) { try session.present(CellBuffer(size: Size(width: 1, height: 1))) }
    }

    /// The kiosk's colours must not depend on the terminal's palette: the session sets all 16 colours and
    /// the defaults (OSC 4, 10, 11) before the first frame and gives the terminal its own back on restore.
    @Test func setsThePaletteAndRestoresTheTerminals() throws {
        let pty = try PseudoTerminal()
        var colors = (0..<16).map { TerminalPalette.RGB(UInt8($0), 0, 0) }
        colors[4] = TerminalPalette.RGB(0, 51, 153)
        var options = Self.options
        options.palette = TerminalPalette(
            colors: colors, foreground: .init(255, 255, 255), background: .init(0, 51, 153))
        let session = try TerminalSession(input: pty.slave, output: pty.slave, options: options)
        let setup = pty.read(containing: "\u{1B}[c")
        #expect(setup.contains("\u{1B}]4;4;rgb:00/33/99\u{1B}\\"))
        #expect(setup.contains("\u{1B}]4;15;rgb:0f/00/00\u{1B}\\"))
        #expect(setup.contains("\u{1B}]10;rgb:ff/ff/ff\u{1B}\\") && setup.contains("\u{1B}]11;rgb:00/33/99\u{1B}\\"))
        // Set before anything is drawn.
        let parts = setup.components(separatedBy: "\u{1B}[2J")
        #expect(parts.count == 2 && parts[0].contains("\u{1B}]4;0;"))
        _ = pty.take()
        session.restore()
        let teardown = pty.read(containing: "\u{1B}[?1049l")
        for sequence in ["\u{1B}]104\u{1B}\\", "\u{1B}]110\u{1B}\\", "\u{1B}]111\u{1B}\\"] {
            #expect(teardown.contains(sequence), "\(sequence.debugDescription) missing")
        }
    }

    @Test func withoutAPaletteTheTerminalsColoursAreLeftAlone() throws {
        let pty = try PseudoTerminal()
        let session = try TerminalSession(input: pty.slave, output: pty.slave, options: Self.options)
        let setup = pty.read(containing: "\u{1B}[c")
        #expect(!setup.contains("\u{1B}]4;"))
        session.restore()
        #expect(!pty.read(containing: "\u{1B}[?1049l").contains("\u{1B}]104"))
    }

    @Test func deinitRestoresTheTerminal() throws {
        let pty = try PseudoTerminal()
        let before = pty.attributes()
        do {
            let session = try TerminalSession(input: pty.slave, output: pty.slave, options: Self.options)
            #expect(pty.attributes().c_lflag & tcflag_t(ICANON) == 0)
            _ = session.size
        }
        #expect(pty.attributes().c_lflag == before.c_lflag)
    }

    @Test func kioskModeIgnoresSignalsUntilRestored() throws {
        let pty = try PseudoTerminal()
        func isIgnored(_ signal: Int32) -> Bool {
            var action = sigaction()
            sigaction(signal, nil, &action)
            return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
                == unsafeBitCast(SIG_IGN, to: Int.self)
        }
        let wasIgnored = isIgnored(SIGQUIT)
        let session = try TerminalSession(input: pty.slave, output: pty.slave)
        for signal in [SIGINT, SIGQUIT, SIGTSTP, SIGHUP] { #expect(isIgnored(signal)) }
        session.restore()
        #expect(isIgnored(SIGQUIT) == wasIgnored)
    }

    @Test func notATerminalIsAnError() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer {
            close(fds[0])
            close(fds[1])
        }
        #expect(throws: TerminalError.self) {
            try TerminalSession(input: fds[0], output: fds[1], options: Self.options)
        }
    }

    @Test func presentedFramesAppearOnTheMasterSide() throws {
        let (pty, session) = try Self.open(columns: 20, rows: 5)
        defer { session.restore() }
        pty.read(containing: "\u{1B}[c")
        _ = pty.take()
        var screen = Self.frame("请刷身份证", at: Point(x: 2, y: 1), size: session.size)
        let written = try session.present(screen)
        let frame = pty.read(containing: "请刷身份证")
        #expect(written == Array(frame.utf8).count)
        #expect(frame.contains("\u{1B}[2;3H请刷身份证"))
        _ = pty.take()
        #expect(try session.present(screen) == 0)
        #expect(pty.drain().isEmpty)
        screen.withCanvas { $0.put("卡", at: Point(x: 6, y: 1)) }
        #expect(try session.present(screen) > 0)
        #expect(pty.read(containing: "卡").hasSuffix("卡"))
        // A frame of the wrong size (the app has not re-laid out after a resize yet) is not drawn.
        #expect(try session.present(CellBuffer(size: Size(width: 30, height: 5))) == 0)
    }

    @Test func keysArriveAsEvents() async throws {
        let pty = try PseudoTerminal()
        let session = try TerminalSession(input: pty.slave, output: pty.slave, options: Self.options)
        defer { session.restore() }
        var events = session.events.makeAsyncIterator()
        pty.send("\u{1B}[A中\r\u{1B}[<0;3;2M\u{1B}[<0;3;2m")
        #expect(await events.next() == .key(KeyPress(.up)))
        #expect(await events.next() == .key(KeyPress(.character("中"))))
        #expect(await events.next() == .key(KeyPress(.enter)))
        #expect(await events.next() == .mouse(MouseEvent(kind: .press, button: .left, position: Point(x: 2, y: 1))))
        #expect(await events.next() == .mouse(MouseEvent(kind: .release, button: .left, position: Point(x: 2, y: 1))))
        pty.send("\u{1B}")  // a lone ESC: the Escape key after the timeout
        #expect(await events.next() == .key(KeyPress(.escape)))
        session.restore()
        #expect(await events.next() == nil)
    }

    @Test func resizeIsMeasuredAndRepaintsEverything() async throws {
        let (pty, session) = try Self.open(columns: 40, rows: 10)
        defer { session.restore() }
        var screen = CellBuffer(size: session.size)
        try session.present(screen)
        var events = session.events.makeAsyncIterator()
        pty.setSize(columns: 60, rows: 12)
        kill(getpid(), SIGWINCH)  // the pty is not our controlling terminal, so deliver the signal ourselves
        var event = await events.next()
        while case .resize(let size) = event, size != Size(width: 60, height: 12) { event = await events.next() }
        #expect(event == .resize(Size(width: 60, height: 12)))
        #expect(session.size == Size(width: 60, height: 12))
        pty.read(containing: "\u{1B}[c")
        _ = pty.take()
        screen.reset(size: session.size)
        try session.present(screen)
        #expect(pty.read(containing: "\u{1B}[2J").contains("\u{1B}[2J"))
    }

    @Test func synchronizedOutputIsUsedAfterAPositiveProbe() async throws {
        let (pty, session) = try Self.open(columns: 10, rows: 3)
        defer { session.restore() }
        #expect(session.probeState == .waiting)
        pty.read(containing: "\u{1B}[?2026$p\u{1B}[c")
        var events = session.events.makeAsyncIterator()
        pty.send("\u{1B}[?2026;2$y\u{1B}[?62;22c")
        #expect(await events.next() == .modeReport(mode: 2026, setting: 2))
        #expect(await events.next() == .deviceAttributes([62, 22]))
        #expect(session.probeState == .answered(synchronizedOutput: true))
        #expect(session.usesSynchronizedOutput)
        _ = pty.take()
        let screen = Self.frame("好", at: .zero, size: session.size)
        try session.present(screen)
        let frame = pty.read(containing: "\u{1B}[?2026l")
        #expect(frame.contains("\u{1B}[?2026h") && frame.hasSuffix("\u{1B}[?2026l"))
    }

    @Test func terminalThatIgnoresDECRQMFallsBackSilently() async throws {
        let (pty, session) = try Self.open(columns: 10, rows: 3)
        defer { session.restore() }
        pty.read(containing: "\u{1B}[c")
        var events = session.events.makeAsyncIterator()
        pty.send("\u{1B}[?6c")  // kmscon: DA1 only
        #expect(await events.next() == .deviceAttributes([6]))
        #expect(session.probeState == .answered(synchronizedOutput: false))
        _ = pty.take()
        let screen = Self.frame("好", at: .zero, size: session.size)
        try session.present(screen)
        let frame = pty.read(containing: "好")
        #expect(!frame.contains("2026"))
    }

    /// A terminal that stops reading: frames are kept, not dropped, and go out complete once it reads again.
    @Test func outputThatWouldBlockIsKeptAndSentLater() throws {
        let pty = try PseudoTerminal(columns: 200, rows: 60)
        let options = TerminalSession.Options(
            kioskMode: false,
            probeSynchronizedOutput: false,
            writeTimeout: .milliseconds(20)
        )
        let session = try TerminalSession(input: pty.slave, output: pty.slave, options: options)
        defer { session.restore() }
        func screen(_ glyph: Character) -> CellBuffer {
            var buffer = CellBuffer(size: session.size)
            buffer.withCanvas { canvas in
                for y in 0..<60 { canvas.text(String(repeating: glyph, count: 100), at: Point(x: 0, y: y)) }
            }
            return buffer
        }
        // Nobody reads the master side: the pty buffer fills up after a few 36 KB frames.
        for glyph: Character in ["甲", "乙", "丙", "丁", "戊"] { try session.present(screen(glyph)) }
        let last = screen("己")
        try session.present(last)
        #expect(session.pendingByteCount > 0)
        // The terminal reads again: the backlog drains on the next calls, then the last frame is complete.
        var received: [UInt8] = []
        for _ in 0..<50 where received.count < session.bytesWritten || session.bytesWritten == 0 {
            received = pty.drain(for: .milliseconds(50))
            try session.present(last)
        }
        received = pty.drain(for: .milliseconds(200))
        #expect(received.count == session.bytesWritten)
        let text = String(decoding: received, as: UTF8.self)
        #expect(text.hasSuffix(String(repeating: "己", count: 100)))
        #expect(!text.contains("\u{FFFD}"))  // no sequence or glyph was cut
    }

    /// The terminal goes away: the write fails with an error, the next frame would be a full repaint, and the
    /// event stream ends.
    @Test func hangUpFailsTheWriteAndEndsTheEvents() async throws {
        let (pty, session) = try Self.open(columns: 10, rows: 2)
        defer { session.restore() }
        var screen = Self.frame("一", at: .zero, size: session.size)
        try session.present(screen)
        #expect(!session.needsFullRepaint)
        var events = session.events.makeAsyncIterator()
        pty.hangUp()
        screen.withCanvas { $0.text("二", at: .zero) }
        #expect(throws: TerminalError.self) { try session.present(screen) }
        #expect(session.needsFullRepaint)
        #expect(await events.next() == nil)
    }

    /// DECRPM "not recognised" (0) before DA1 also means no synchronized output.
    @Test func negativeDECRPMMeansNoSynchronizedOutput() async throws {
        let (pty, session) = try Self.open(columns: 10, rows: 3)
        defer { session.restore() }
        var events = session.events.makeAsyncIterator()
        pty.send("\u{1B}[?2026;0$y\u{1B}[?62;22c")
        #expect(await events.next() == .modeReport(mode: 2026, setting: 0))
        #expect(await events.next() == .deviceAttributes([62, 22]))
        #expect(session.probeState == .answered(synchronizedOutput: false))
        #expect(!session.usesSynchronizedOutput)
    }

    /// Wiping for privacy clears screen and scrollback and makes the next frame a full repaint.
    @Test func wipeClearsScreenAndScrollback() throws {
        let (pty, session) = try Self.open(columns: 10, rows: 3)
        defer { session.restore() }
        let screen = Self.frame("张三", at: .zero, size: session.size)
        try session.present(screen)
        pty.read(containing: "张三")
        _ = pty.take()
        session.wipe()
        #expect(pty.read(containing: "\u{1B}[3J").hasSuffix("\u{1B}[2J\u{1B}[3J"))
        #expect(session.needsFullRepaint)
        _ = pty.take()
        try session.present(screen)
        #expect(pty.read(containing: "张三").contains("\u{1B}[2J"))
    }
}
