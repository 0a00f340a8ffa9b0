import Foundation
import Glibc
import KioskTestSupport
import Synchronization
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

/// Scripted failures through ``SystemCallMock``: EINTR is retried, EAGAIN waits in poll, partial writes continue
/// where they stopped, hard errors surface with their errno.
@Suite struct SystemCallMockTests {
    /// A scripted sequence of outcomes per call name, recording the bytes "written".
    final class Script: Sendable {
        private let state: Mutex<(outcomes: [String: [SystemCallOutcome]], written: [UInt8], calls: [String])>

        init(_ outcomes: [String: [SystemCallOutcome]]) {
            state = Mutex((outcomes, [], []))
        }

        var written: [UInt8] { state.withLock { $0.written } }
        var calls: [String] { state.withLock { $0.calls } }

        func handle(_ call: String, _ fd: Int32, _ bytes: UnsafeRawBufferPointer?) -> SystemCallOutcome? {
            state.withLock { state in
                state.calls.append(call)
                guard var queue = state.outcomes[call], !queue.isEmpty else { return nil }
                let outcome = queue.removeFirst()
                state.outcomes[call] = queue
                if case .result(let count) = outcome, call == "write", let bytes {
                    state.written += bytes.prefix(count)
                }
                return outcome
            }
        }
    }

    @Test func writeAllRetriesEINTRWaitsOnEAGAINAndResumesPartialWrites() throws {
        let script = Script([
            "write": [.failure(EINTR), .result(3), .failure(EAGAIN), .result(2), .failure(EWOULDBLOCK), .result(5)],
            "poll": [.failure(EINTR), .result(1)],
        ])
        let payload = Array("0123456789".utf8)
        let written = try SystemCallMock.$handler.withValue(script.handle) {
            try SystemCalls.writeAll(99, payload[...], timeout: 100)
        }
        #expect(written == 10)
        #expect(script.written == payload)
        // EINTR from write: retried; EAGAIN: poll (interrupted, so write is simply tried again); a second EAGAIN:
        // poll says writable; the last write completes.
        #expect(script.calls == ["write", "write", "write", "poll", "write", "write", "poll", "write"])
    }

    @Test func writeAllGivesUpWhenPollTimesOut() throws {
        let script = Script(["write": [.result(4), .failure(EAGAIN)], "poll": [.result(0)]])
        let written = try SystemCallMock.$handler.withValue(script.handle) {
            try SystemCalls.writeAll(99, Array("0123456789".utf8)[...], timeout: 100)
        }
        #expect(written == 4)
    }

    @Test func attributeCallsRetryEINTRAndReportOtherErrors() throws {
        let pty = try PseudoTerminal()
        let attributes = try SystemCalls.getAttributes(pty.slave)
        let retried = Script(["tcsetattr": [.failure(EINTR), .failure(EINTR)]])
        try SystemCallMock.$handler.withValue(retried.handle) {
            try SystemCalls.setAttributes(pty.slave, SystemCalls.raw(attributes))
        }
        #expect(retried.calls == ["tcsetattr", "tcsetattr", "tcsetattr"])  // the third is the real call
        #expect(pty.attributes().c_lflag & tcflag_t(ICANON) == 0)

        let failing = Script(["tcsetattr": [.failure(EIO)]])
        let error = #expect(throws: TerminalError.self) {
            try SystemCallMock.$handler.withValue(failing.handle) {
                try SystemCalls.setAttributes(pty.slave, attributes)
            }
        }
        #expect(error?.call == "tcsetattr" && error?.errno == EIO)
    }
}
