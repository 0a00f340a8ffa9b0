import Foundation
import Synchronization

/// Where formatted log lines go.
protocol LogSink: Sendable {
    func write(_ line: String)
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
