import Foundation

#if canImport(Glibc)
    import Glibc
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let systemWrite = Darwin.write
#endif

/// Writes export files that only their owner may read (mode 0600), even when the file existed.
enum PrivateFile {
    /// Creates or truncates `path` with mode 0600 (`open(2)` with `O_NOFOLLOW`, then `fchmod(2)`
    /// for a file that existed with wider permissions), writes `data` and `fsync(2)`s it.
    ///
    /// - Throws: ``PrivateFileError`` with the failing call, errno and path.
    static func write(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw PrivateFileError(call: "open", errno: errno, path: path) }
        defer { close(fd) }
        guard fchmod(fd, 0o600) == 0 else { throw PrivateFileError(call: "fchmod", errno: errno, path: path) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw PrivateFileError(call: "write", errno: errno, path: path)
                }
                offset += written
            }
        }
        guard fsync(fd) == 0 else { throw PrivateFileError(call: "fsync", errno: errno, path: path) }
    }
}

/// Why an export file could not be written.
struct PrivateFileError: Error, CustomStringConvertible {
    let call: String
    let errno: Int32
    let path: String

    var description: String {
        "cannot write \(path): \(call) failed: \(String(cString: strerror(errno))) (errno \(errno))"
    }
}
