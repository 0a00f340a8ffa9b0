import Foundation
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
struct StandardErrorSink: LogSink {
    func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Appends lines to a file (mode 0600), used when standard error is the terminal the kiosk draws
/// on, so log lines never scribble over the citizen's screen.
final class FileSink: LogSink {
    private let handle: Mutex<FileHandle?>

    init(path: String) {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let handle = FileHandle(forWritingAtPath: path)
        _ = try? handle?.seekToEnd()
        self.handle = Mutex(handle)
    }

    func write(_ line: String) {
        handle.withLock { handle in
            handle?.write(Data((line + "\n").utf8))
        }
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
        let priority = switch level {
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
