import Foundation
import KioskCore
import Logging
import Synchronization

/// Where formatted log lines go.
protocol LogSink: Sendable {
    func write(_ line: String)
    /// Writes a line knowing its level (the journal keeps it as the entry's priority).
    func write(_ line: String, level: Logger.Level)
}

extension LogSink {
    func write(_ line: String, level: Logger.Level) { write(line) }
}

/// Writes lines to standard error (journald captures it under systemd when stderr is not the
/// kiosk's own screen).
/// A line that cannot be written is dropped and counted (see ``DescriptorWriter``), never a crash.
struct StandardErrorSink: LogSink {
    /// The one writer for descriptor 2, shared so the lost-line count is the process's.
    static let writer = DescriptorWriter(descriptor: STDERR_FILENO, closesOnDeinit: false)

    func write(_ line: String) {
        Self.writer.write(line: line)
    }
}

/// Appends lines to a file (mode 0600), used when standard error is the terminal the kiosk draws
/// on, so log lines never scribble over the citizen's screen.
/// A line that cannot be written (a full disk) is dropped and counted, never a crash.
final class FileSink: LogSink {
    private let writer: DescriptorWriter

    /// Opens `path` for appending, creating it 0600 when missing (never replacing what is there,
    /// so a device path stays a device).
    init(path: String) {
        writer = DescriptorWriter(
            descriptor: open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600), closesOnDeinit: true)
    }

    /// Lines dropped because they could not be written.
    var lostLines: Int { writer.lostLines }

    func write(_ line: String) {
        writer.write(line: line)
    }
}

/// Collects lines in memory, for tests.
final class MemorySink: LogSink {
    private let storage = Mutex<[String]>([])

    var lines: [String] { storage.withLock { $0 } }

    func write(_ line: String) {
        storage.withLock { $0.append(line) }
    }
}

/// Sends lines to the systemd journal over its native socket, so logs reach `journalctl` even when
/// standard error is the kiosk's own screen (under cage+foot or kmscon).
struct JournalSink: LogSink {
    /// The journal's native-protocol socket.
    static let defaultSocket = "/run/systemd/journal/socket"

    let socketPath: String
    let identifier: String

    init(socketPath: String = JournalSink.defaultSocket, identifier: String = "kiosk") {
        self.socketPath = socketPath
        self.identifier = identifier
    }

    func write(_ line: String) {
        write(line, level: .info)
    }

    func write(_ line: String, level: Logger.Level) {
        let priority =
            switch level {
            case .trace, .debug: 7
            case .info: 6
            case .notice: 5
            case .warning: 4
            case .error: 3
            case .critical: 2
            }
        let message = line.replacingOccurrences(of: "\n", with: " ")
        let payload = "PRIORITY=\(priority)\nSYSLOG_IDENTIFIER=\(identifier)\nMESSAGE=\(message)\n"
        try? UnixDatagram.send(Array(payload.utf8), to: socketPath)
    }
}
