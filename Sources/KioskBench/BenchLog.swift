import Foundation
import Glibc

/// Where the benchmarked kiosk's standard error goes: the file named by `KIOSK_BENCH_LOG`, opened
/// for appending (created 0600 when missing), else the null device as it is.
///
/// Never `FileManager.createFile(atPath:)`: on Linux it writes a temporary file and renames it over
/// the path, which turns a device node (`/dev/null` itself, run as root) into a regular file.
enum BenchLog {
    /// A handle for the child's standard error, owned by the caller's `Process`.
    static func standardError(environment: [String: String]) -> FileHandle {
        guard let path = environment["KIOSK_BENCH_LOG"], !path.isEmpty else { return FileHandle.nullDevice }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return FileHandle.nullDevice }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }
}
