import Foundation
import Glibc
import KioskTerminal
import Synchronization

/// Benchmarks of the terminal engine, measured through a real pseudo-terminal of 120×40 whose master side counts
/// every byte the renderer writes, next to the same scenarios run by ncursesw (scripts/bench-ncurses.py).
enum TerminalBench {
    static let columns = 120
    static let rows = 40

    static func run(_ report: inout BenchReport) async throws {
        let pty = try BenchPseudoTerminal(columns: columns, rows: rows)
        let session = try TerminalSession(
            input: pty.slave,
            output: pty.slave,
            options: TerminalSession.Options(kioskMode: false, probeSynchronizedOutput: false)
        )
        defer {
            session.restore()
            pty.close()
        }
        /// The bytes the master side received while `body` ran.
        func bytes(_ body: () throws -> Void) rethrows -> Int {
            pty.settle(total: session.bytesWritten)
            let before = pty.count
            try body()
            pty.settle(total: session.bytesWritten)
            return pty.count - before
        }
        let size = session.size
        let screenA = cjkScreen(base: 0x4E00, size: size, changedCell: true)
        let screenB = cjkScreen(base: 0x6000, size: size, changedCell: false)
        let screenAOriginal = cjkScreen(base: 0x4E00, size: size, changedCell: false)

        // (a) One changed cell on a full CJK screen.
        let full = try bytes { try session.present(screenAOriginal) }
        let one = try bytes { try session.present(screenA) }
        let oneMinimum = 8 + 3  // CUP "ESC[21;61H" (CR+CUU+CUF would be 11) + one 3-byte Hanzi
        // (b) Switching between two different full CJK screens.
        var switches: [Int] = []
        for _ in 0..<4 {
            switches.append(try bytes { try session.present(screenB) })
            switches.append(try bytes { try session.present(screenA) })
        }
        let switchBytes = switches.sorted()[switches.count / 2]
        let switchMinimum = minimalFullChange(from: screenA, to: screenB)
        // (c) No change, then an idle period of 1,000 ticks.
        let noChange = try bytes { try session.present(screenA) }
        let idle = try bytes { for _ in 0..<1_000 { try session.present(screenA) } }

        let ncurses = runNcurses()
        func ratio(_ ours: Int, _ theirs: Int?) -> String {
            guard let theirs, theirs > 0 else { return "" }
            return String(format: "ncurses %d B, ours/ncurses %.3f", theirs, Double(ours) / Double(theirs))
        }
        report.add(
            suite: "terminal",
            name: "full CJK screen, first frame",
            value: "\(full) B",
            note: ratio(full, ncurses?["full"])
        )
        report.add(
            suite: "terminal",
            name: "(a) one changed cell",
            value: "\(one) B",
            target: "min \(oneMinimum) B",
            note: ratio(one, ncurses?["one"])
        )
        report.add(
            suite: "terminal",
            name: "(b) switch two full CJK screens",
            value: "\(switchBytes) B",
            target: "≤ 1.02 × \(switchMinimum) B",
            note: String(format: "%.4f × minimum; ", Double(switchBytes) / Double(switchMinimum))
                + ratio(switchBytes, ncurses?["switch"])
        )
        report.add(
            suite: "terminal",
            name: "(c) redraw without change",
            value: "\(noChange) B",
            target: "0 B",
            note: ncurses.map { "ncurses \($0["nochange"] ?? -1) B" } ?? ""
        )
        report.add(
            suite: "terminal",
            name: "(c) idle, 1000 ticks",
            value: "\(idle) B",
            target: "0 B",
            note: ncurses.map { "ncurses \($0["idle"] ?? -1) B (100 refreshes)" } ?? ""
        )
        if ncurses == nil {
            report.add(
                suite: "terminal",
                name: "ncurses comparison",
                value: "skipped",
                note: "python3/curses unavailable"
            )
        }

        // Frame build + diff for a full 200×60 change (no I/O).
        let big = Size(width: 200, height: 60)
        var renderer = Renderer()
        var output: [UInt8] = []
        output.reserveCapacity(64 * 1024)
        var flip = false
        let textA = cjkRows(base: 0x4E00, size: big)
        let textB = cjkRows(base: 0x6000, size: big)
        var scratch: [UInt8] = []
        renderer.render(cjkScreen(base: 0x4E00, size: big, changedCell: false), into: &scratch)
        let buildAndDiff = measure(iterations: 300) {
            flip.toggle()
            var frame = CellBuffer(size: big)
            frame.withCanvas { canvas in
                for (y, row) in (flip ? textB : textA).enumerated() { canvas.text(row, at: Point(x: 0, y: y)) }
            }
            output.removeAll(keepingCapacity: true)
            renderer.render(frame, into: &output)
        }
        report.add(
            suite: "terminal",
            name: "frame draw + diff, full 200×60 change",
            value: Timing.ms(buildAndDiff.median),
            target: "≤ 1 ms median",
            note: "p99 \(Timing.ms(buildAndDiff.p99)), \(output.count) B/frame"
        )
        let diffOnly = measure(iterations: 300) {
            flip.toggle()
            output.removeAll(keepingCapacity: true)
            renderer.render(flip ? screenB : screenA, into: &output)
        }
        report.add(
            suite: "terminal",
            name: "diff only, full 120×40 change",
            value: Timing.ms(diffOnly.median),
            note: "p99 \(Timing.ms(diffOnly.p99))"
        )

        // Key-to-write latency: decode an arrow key, move a highlighted cell, present the change to the pty.
        var decoder = InputDecoder()
        var screen = screenA
        var column = 0
        try session.present(screen)
        let keyBytes = Array("\u{1B}[C".utf8)
        var tick = Duration.zero
        let latency = try measure(iterations: 1_000) {
            tick += .milliseconds(1)
            for event in decoder.feed(keyBytes, now: tick) where event == .key(KeyPress(.right)) {
                let old = column
                column = (column + 2) % size.width
                let (oldGlyph, newGlyph) = (screenA[old, 0].grapheme, screenA[column, 0].grapheme)
                screen.withCanvas { canvas in
                    canvas.put(oldGlyph, at: Point(x: old, y: 0), style: .plain)
                    canvas.put(newGlyph, at: Point(x: column, y: 0), style: Style(attributes: .inverse))
                }
            }
            try session.present(screen)
        }
        report.add(
            suite: "terminal",
            name: "key-to-write latency",
            value: Timing.ms(latency.median),
            target: "≤ 2 ms median",
            note: "p99 \(Timing.ms(latency.p99))"
        )
    }

    /// The rows of Hanzi text (one per row, filling the width); `base` selects one of two disjoint sets of 400
    /// characters (the same text scripts/bench-ncurses.py draws).
    static func cjkRows(base: UInt32, size: Size) -> [String] {
        (0..<size.height).map { y in
            var row = String.UnicodeScalarView()
            for index in 0..<(size.width / 2) {
                row.append(Unicode.Scalar(base + UInt32((y * 60 + index) % 400))!)
            }
            return String(row)
        }
    }

    /// A screen filled with Hanzi (see ``cjkRows(base:size:)``). With `changedCell`, the glyph at column 60, row
    /// 20 is 好.
    static func cjkScreen(base: UInt32, size: Size, changedCell: Bool) -> CellBuffer {
        var buffer = CellBuffer(size: size)
        buffer.withCanvas { canvas in
            for (y, row) in cjkRows(base: base, size: size).enumerated() {
                canvas.text(row, at: Point(x: 0, y: y))
            }
            if changedCell { canvas.put("好", at: Point(x: 60, y: 20)) }
        }
        return buffer
    }

    /// A lower bound for the bytes of a change in which every row differs: the glyph bytes of the changed cells,
    /// one `CSI H` to reach the top-left, and CR LF to reach the start of every later row.
    static func minimalFullChange(from old: CellBuffer, to new: CellBuffer) -> Int {
        var glyphs = 0
        var changedRows = 0
        for y in 0..<new.size.height {
            var changed = false
            for x in 0..<new.size.width where new[x, y].width != 0 && new[x, y] != old[x, y] {
                glyphs += new[x, y].grapheme.utf8.count
                changed = true
            }
            if changed { changedRows += 1 }
        }
        return glyphs + 3 + 2 * max(0, changedRows - 1)
    }

    /// Runs scripts/bench-ncurses.py with python3 and returns its byte counts, or nil when it cannot run.
    static func runNcurses() -> [String: Int]? {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/bench-ncurses.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Int]
        else { return nil }
        return object
    }
}

/// A pseudo-terminal whose master side is drained by a thread that counts the bytes received.
final class BenchPseudoTerminal: Sendable {
    let master: Int32
    let slave: Int32
    private let received = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)

    init(columns: Int, rows: Int) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw NSError(domain: "openpty", code: Int(errno))
        }
        self.master = master
        self.slave = slave
        let thread = Thread { [self] in drain() }
        thread.start()
    }

    /// Bytes received so far.
    var count: Int { received.load(ordering: .acquiring) }

    /// Waits (up to 2 s) until `total` bytes have arrived, then a little longer for stragglers.
    func settle(total: Int) {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(2)
        while count < total && clock.now < deadline { usleep(200) }
    }

    func close() {
        stopped.store(true, ordering: .releasing)
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !stopped.load(ordering: .acquiring) {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 20) > 0 else { continue }
            let count = read(master, &buffer, buffer.count)
            if count > 0 { received.add(count, ordering: .releasing) } else if count == 0 { break }
        }
        Glibc.close(slave)
        Glibc.close(master)
    }
}
