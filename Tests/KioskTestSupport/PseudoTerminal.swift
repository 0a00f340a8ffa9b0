import Foundation
import Glibc

/// A real pseudo-terminal pair for session tests: the session gets the slave side, the test plays the terminal
/// emulator on the master side.
package final class PseudoTerminal {
    package private(set) var master: Int32
    package let slave: Int32
    package private(set) var received: [UInt8] = []

    /// Opens a pair of `columns` × `rows`.
    /// - Throws: `POSIXError` when no pseudo-terminal can be opened.
    package init(columns: Int = 80, rows: Int = 24) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        // glibc's openpty(3) opens the slave with O_NOCTTY, so it never becomes our controlling terminal.
        guard openpty(&master, &slave, nil, nil, nil) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        self.master = master
        self.slave = slave
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        setSize(columns: columns, rows: rows)
    }

    deinit {
        close(slave)
        if master >= 0 { close(master) }
    }

    /// Closes the master side, as a terminal emulator that exits: the slave then hangs up (EIO).
    package func hangUp() {
        close(master)
        master = -1
    }

    /// Sets the window size (TIOCSWINSZ) as a terminal emulator would.
    package func setSize(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Sends bytes to the program (keyboard input or terminal replies).
    package func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads what the program wrote until `done` holds for everything received since the last ``take()``, or the
    /// deadline passes.
    @discardableResult
    package func read(timeout: Duration = .seconds(5), until done: ([UInt8]) -> Bool) -> [UInt8] {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !done(received) && clock.now < deadline {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 20) > 0 else { continue }
            let count = Glibc.read(master, &buffer, buffer.count)
            if count > 0 { received += buffer[0..<count] }
        }
        return received
    }

    /// Reads until `text` has been received.
    @discardableResult
    package func read(containing text: String, timeout: Duration = .seconds(5)) -> String {
        let needle = Array(text.utf8)
        return String(decoding: read(timeout: timeout) { $0.contains(needle) }, as: UTF8.self)
    }

    /// Reads whatever arrives within `duration`.
    package func drain(for duration: Duration = .milliseconds(200)) -> [UInt8] {
        read(timeout: duration) { _ in false }
    }

    /// Returns and forgets everything received so far.
    package func take() -> [UInt8] {
        defer { received = [] }
        return received
    }

    /// The slave side's terminal attributes.
    package func attributes() -> termios {
        var attributes = termios()
        _ = tcgetattr(slave, &attributes)
        return attributes
    }
}

extension Array where Element: Equatable {
    /// Whether `needle` occurs as a contiguous run.
    package func contains(_ needle: [Element]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        for start in 0...(count - needle.count) where self[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }
}
