import Foundation
import Glibc
import Testing

@testable import KioskTerminal

/// The tty and I/O wrappers on real descriptors: partial writes and EAGAIN on a small pipe, timeouts, errors.
@Suite struct SystemCallsTests {
    /// A non-blocking pipe with a one-page buffer, so writes are partial and hit EAGAIN.
    static func smallPipe() throws -> (read: Int32, write: Int32) {
        let pipe = try SystemCalls.pipe()
        _ = fcntl(pipe.write, 1031, 4096)  // F_SETPIPE_SZ (Linux; not exported to Swift)
        return pipe
    }

    @Test func writeAllLoopsOverPartialWritesAndEAGAIN() throws {
        let pipe = try Self.smallPipe()
        defer {
            close(pipe.read)
            close(pipe.write)
        }
        let payload = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let reader = Thread {
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 1000)
            while received.count < payload.count {
                var descriptor = pollfd(fd: pipe.read, events: Int16(POLLIN), revents: 0)
                _ = poll(&descriptor, 1, 100)
                let count = read(pipe.read, &buffer, buffer.count)
                if count > 0 { received += buffer[0..<count] }
            }
            ReceivedBytes.shared.set(received)
        }
        reader.start()
        let written = try SystemCalls.writeAll(pipe.write, payload[...], timeout: -1)
        #expect(written == payload.count)
        let received = ReceivedBytes.shared.wait()
        #expect(received == payload)
    }

    @Test func writeAllStopsAtTheTimeoutWithoutLosingItsPlace() throws {
        let pipe = try Self.smallPipe()
        defer {
            close(pipe.read)
            close(pipe.write)
        }
        let payload = [UInt8](repeating: 0x41, count: 100_000)
        let written = try SystemCalls.writeAll(pipe.write, payload[...], timeout: 10)
        #expect(written > 0 && written < payload.count)
    }

    @Test func writeToAClosedPipeThrowsWithTheCallAndErrno() throws {
        let pipe = try SystemCalls.pipe()
        close(pipe.read)
        defer { close(pipe.write) }
        signal(SIGPIPE, SIG_IGN)
        let error = #expect(throws: TerminalError.self) {
            try SystemCalls.writeAll(pipe.write, [1, 2, 3][...], timeout: 10)
        }
        #expect(error?.call == "write")
        #expect(error?.errno == EPIPE)
        #expect(error?.description.contains("write on file descriptor") == true)
    }

    @Test func attributesOfANonTerminalAreRefused() throws {
        let pipe = try SystemCalls.pipe()
        defer {
            close(pipe.read)
            close(pipe.write)
        }
        let error = #expect(throws: TerminalError.self) { try SystemCalls.getAttributes(pipe.read) }
        #expect(error?.description == "file descriptor \(pipe.read) is not a terminal")
    }

    @Test func rawModeIsCfmakeraw() throws {
        let pty = try PseudoTerminal(columns: 33, rows: 7)
        let raw = SystemCalls.raw(try SystemCalls.getAttributes(pty.slave))
        #expect(raw.c_lflag & tcflag_t(ISIG | ICANON | ECHO | IEXTEN) == 0)
        #expect(raw.c_iflag & tcflag_t(IXON | ICRNL | BRKINT | ISTRIP) == 0)
        #expect(raw.c_cflag & tcflag_t(CS8) == tcflag_t(CS8))
        #expect(try SystemCalls.windowSize(pty.slave) == Size(width: 33, height: 7))
    }
}

/// Hands the reader thread's bytes to the test.
final class ReceivedBytes: Sendable {
    static let shared = ReceivedBytes()
    private let condition = NSCondition()
    private nonisolated(unsafe) var bytes: [UInt8]?

    func set(_ value: [UInt8]) {
        condition.lock()
        bytes = value
        condition.signal()
        condition.unlock()
    }

    func wait() -> [UInt8] {
        condition.lock()
        defer {
            bytes = nil
            condition.unlock()
        }
        while bytes == nil { condition.wait() }
        return bytes ?? []
    }
}
