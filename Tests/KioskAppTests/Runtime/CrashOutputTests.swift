import Foundation
import Glibc
import Testing

@testable import KioskApp

/// The decisions that keep a crash report off the citizen's screen (``CrashOutput``).
struct CrashOutputTests {
    @Test func unsetVariableGetsEverySetting() {
        #expect(CrashOutput.backtraceSetting(current: nil) == "enable=yes,interactive=no,color=no,output-to=stderr")
        #expect(CrashOutput.backtraceSetting(current: "") == "enable=yes,interactive=no,color=no,output-to=stderr")
    }

    /// The units' value (and any order of it) needs no re-exec, so the kiosk never loops.
    @Test func unitsValueIsKept() {
        #expect(CrashOutput.backtraceSetting(current: "enable=yes,interactive=no,color=no,output-to=stderr") == nil)
        #expect(CrashOutput.backtraceSetting(current: "output-to=stderr,color=no,interactive=no") == nil)
        let merged = CrashOutput.backtraceSetting(current: "swift-backtrace=/usr/local/bin/swift-backtrace,preset=full")
        #expect(CrashOutput.backtraceSetting(current: merged) == nil)
    }

    /// An operator's other keys survive; the three that matter are overridden.
    @Test func otherSettingsAreKeptAndUnsafeOnesOverridden() {
        let setting = CrashOutput.backtraceSetting(
            current: "swift-backtrace=/usr/local/bin/swift-backtrace,interactive=yes,limit=32")
        #expect(
            setting
                == "enable=yes,swift-backtrace=/usr/local/bin/swift-backtrace,limit=32,interactive=no,color=no,output-to=stderr"
        )
        #expect(
            CrashOutput.backtraceSetting(current: "enable=tty,color=yes")
                == "enable=tty,interactive=no,color=no,output-to=stderr")
    }

    /// The runtime takes a key's last value: a later `interactive=yes` undoes an earlier `no`.
    @Test func lastValueOfAKeyCounts() {
        #expect(
            CrashOutput.backtraceSetting(current: "interactive=no,color=no,output-to=stderr,interactive=yes") != nil)
        #expect(
            CrashOutput.backtraceSetting(current: "interactive=yes,interactive=no,color=no,output-to=stderr") == nil)
    }

    /// Crash catching turned off draws nothing: left alone.
    @Test func disabledCrashCatchingIsLeftAlone() {
        #expect(CrashOutput.backtraceSetting(current: "enable=no") == nil)
    }

    @Test func onlyATerminalIsMoved() {
        #expect(
            CrashOutput.destination(
                standardErrorIsTerminal: false, preferJournal: true, journalAvailable: true, logFile: "/s/kiosk.log")
                == .unchanged)
        #expect(
            CrashOutput.destination(
                standardErrorIsTerminal: true, preferJournal: true, journalAvailable: true, logFile: "/s/kiosk.log")
                == .journal(socket: "/run/systemd/journal/stdout"))
        #expect(
            CrashOutput.destination(
                standardErrorIsTerminal: true, preferJournal: true, journalAvailable: false, logFile: "/s/kiosk.log")
                == .file("/s/kiosk.log"))
        #expect(
            CrashOutput.destination(
                standardErrorIsTerminal: true, preferJournal: false, journalAvailable: true, logFile: "/s/kiosk.log")
                == .file("/s/kiosk.log"))
    }

    /// The stream header systemd's journald expects: seven lines, no forwarding to the console.
    @Test func journalStreamHeaderHasSevenFields() {
        let fields = CrashOutput.journalStreamHeader().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(fields == ["kiosk", "", "2", "0", "0", "0", "0", ""])
    }
}

/// ``CrashOutputProcess/redirectStandardError(to:fallbackFile:)`` on this process's descriptor 2,
/// restored after each test.
@Suite(.serialized)
struct CrashOutputRedirectTests {
    /// Runs `body` with descriptor 2 saved and put back afterwards.
    private func withSavedStandardError(_ body: () throws -> Void) rethrows {
        let saved = dup(STDERR_FILENO)
        defer {
            dup2(saved, STDERR_FILENO)
            close(saved)
        }
        try body()
    }

    /// The journal path: a stream socket, the header first, then what the process writes to fd 2.
    @Test func journalStreamReceivesHeaderThenStandardError() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appending(path: "stdout").path
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try #require(bound == 0 && listen(listener, 1) == 0)

        var done: CrashOutput.Destination = .unchanged
        withSavedStandardError {
            done = CrashOutputProcess.redirectStandardError(
                to: .journal(socket: path), fallbackFile: "/nonexistent/kiosk.log")
            let line = Array("Thread 0 crashed:\n".utf8)
            _ = write(STDERR_FILENO, line, line.count)
        }
        #expect(done == .journal(socket: path))
        let connection = accept(listener, nil, nil)
        try #require(connection >= 0)
        defer { close(connection) }
        var received = [UInt8](repeating: 0, count: 256)
        var total = 0
        while total < 34 {
            let count = read(connection, &received[total], received.count - total)
            if count <= 0 { break }
            total += count
        }
        #expect(
            String(decoding: received[..<total], as: UTF8.self) == CrashOutput.journalStreamHeader()
                + "Thread 0 crashed:\n")
    }

    /// A journal that is not there falls back to the file; a file that cannot be opened to /dev/null.
    @Test func fallbacksNeverLeaveTheTerminal() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appending(path: "kiosk.log").path
        var first: CrashOutput.Destination = .unchanged
        var second: CrashOutput.Destination = .unchanged
        withSavedStandardError {
            first = CrashOutputProcess.redirectStandardError(
                to: .journal(socket: directory.appending(path: "none").path), fallbackFile: log)
            let line = Array("report\n".utf8)
            _ = write(STDERR_FILENO, line, line.count)
            second = CrashOutputProcess.redirectStandardError(
                to: .file("/nonexistent/dir/kiosk.log"), fallbackFile: log)
        }
        #expect(first == .file(log))
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "report\n")
        #expect(second == .file("/dev/null"))
    }
}
