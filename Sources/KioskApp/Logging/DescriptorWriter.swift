import Glibc
import Synchronization

/// Writes log lines to a file descriptor with `write(2)`, never trapping: a line that cannot be
/// written (a full disk: `ENOSPC`, a closed pipe, an I/O error) is dropped and counted, and the next
/// line that does get written is preceded by `N log lines lost`. `FileHandle.write` traps on such an
/// error, which took the whole kiosk down for one log line.
final class DescriptorWriter: Sendable {
    /// The descriptor written to.
    let descriptor: Int32
    private let closesOnDeinit: Bool
    /// (lines lost in all, lines lost since the last line that was written).
    private let losses = Mutex<(total: Int, unreported: Int)>((0, 0))

    /// Writes to `descriptor`; closes it when done if `closesOnDeinit`.
    init(descriptor: Int32, closesOnDeinit: Bool) {
        self.descriptor = descriptor
        self.closesOnDeinit = closesOnDeinit
    }

    deinit {
        if closesOnDeinit && descriptor >= 0 { close(descriptor) }
    }

    /// Lines dropped because they could not be written, since the start.
    var lostLines: Int { losses.withLock { $0.total } }

    /// Writes `line` and a newline; `false` (and the line counted as lost) when it could not be.
    @discardableResult
    func write(line: String) -> Bool {
        losses.withLock { losses in
            let notice = losses.unreported > 0 ? "\(losses.unreported) log lines lost\n" : ""
            if writeAll(Array((notice + line + "\n").utf8)) {
                losses.unreported = 0
                return true
            }
            losses.total += 1
            losses.unreported += 1
            return false
        }
    }

    /// Writes every byte, retrying after `EINTR` and continuing after partial writes.
    private func writeAll(_ bytes: [UInt8]) -> Bool {
        guard descriptor >= 0 else { return false }
        return bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return false
                }
            }
            return true
        }
    }
}
