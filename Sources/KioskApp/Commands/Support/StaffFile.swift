import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// File input and output for staff commands.
enum StaffFile {
    /// Reads a whole file, with an error that names it.
    static func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StaffFileError(path: path, call: "read", errno: ENOENT)
        }
        return data
    }

    /// Writes `data` to a new file created with mode 0600 (never wider, whatever the umask), refusing
    /// to replace an existing file unless `force` (then the old file is unlinked first, so its
    /// permissions are not inherited).
    static func writePrivate(_ data: Data, to path: String, force: Bool) throws {
        if force {
            if unlink(path) != 0 && errno != ENOENT { throw StaffFileError(path: path, call: "unlink", errno: errno) }
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            if code == EEXIST { throw StaffFileError(path: path, call: "open", errno: code, exists: true) }
            throw StaffFileError(path: path, call: "open", errno: code)
        }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else { throw StaffFileError(path: path, call: "fchmod", errno: errno) }
        var offset = 0
        try data.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw StaffFileError(path: path, call: "write", errno: errno)
                }
                offset += written
            }
        }
        guard fsync(descriptor) == 0 else { throw StaffFileError(path: path, call: "fsync", errno: errno) }
    }
}

/// A staff file could not be read or written.
struct StaffFileError: Error, CustomStringConvertible {
    let path: String
    let call: String
    let errno: Int32
    var exists = false

    var description: String {
        if exists { return "\(path) already exists; use --force to replace it" }
        return "\(call) \(path) failed: \(String(cString: strerror(errno)))"
    }
}
