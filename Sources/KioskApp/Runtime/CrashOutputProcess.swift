import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The system calls behind ``CrashOutput``: re-executing the kiosk with a safe `SWIFT_BACKTRACE`,
/// and pointing standard error away from the citizen's screen.
enum CrashOutputProcess {
    /// Re-executes this program (`/proc/self/exe`, same arguments) with the `SWIFT_BACKTRACE` that
    /// ``CrashOutput/backtraceSetting(current:)`` asks for. Returns only when none is needed, or
    /// with the reason when `execv` failed (the kiosk then runs on, its report still off the screen
    /// by ``redirectStandardError(to:)``, but the backtracer may wait for a key).
    static func reexecuteIfNeeded(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let setting = CrashOutput.backtraceSetting(current: environment["SWIFT_BACKTRACE"]) else { return nil }
        let previous = environment["SWIFT_BACKTRACE"]
        setenv("SWIFT_BACKTRACE", setting, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        let reason = String(cString: strerror(errno))
        if let previous { setenv("SWIFT_BACKTRACE", previous, 1) } else { unsetenv("SWIFT_BACKTRACE") }
        return "cannot re-execute /proc/self/exe with SWIFT_BACKTRACE=\(setting): \(reason)"
    }

    /// Points descriptor 2 at `destination`. A journal that refuses the stream falls back to
    /// `fallbackFile`; a file that cannot be opened (a full or read-only disk) to `/dev/null`:
    /// a lost crash report is better than one drawn for the citizen. Returns what was done.
    @discardableResult
    static func redirectStandardError(to destination: CrashOutput.Destination, fallbackFile: String)
        -> CrashOutput.Destination
    {
        switch destination {
        case .unchanged:
            return .unchanged
        case .journal(let socket):
            if let fd = connectJournalStream(socket) {
                dup2(fd, STDERR_FILENO)
                close(fd)
                return destination
            }
            return redirectStandardError(to: .file(fallbackFile), fallbackFile: fallbackFile)
        case .file(let path):
            var fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
            var result = destination
            if fd < 0 {
                fd = open("/dev/null", O_WRONLY | O_CLOEXEC)
                result = .file("/dev/null")
            }
            guard fd >= 0 else { return .unchanged }
            dup2(fd, STDERR_FILENO)
            close(fd)
            return result
        }
    }

    /// A stream socket to the journal with ``CrashOutput/journalStreamHeader(identifier:)`` sent,
    /// or `nil` when it cannot be connected.
    private static func connectJournalStream(_ path: String) -> Int32? {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        guard pathBytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: pathBytes) }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        let header = Array(CrashOutput.journalStreamHeader().utf8)
        guard connected == 0, send(fd, header, header.count, Int32(MSG_NOSIGNAL)) == header.count else {
            close(fd)
            return nil
        }
        shutdown(fd, Int32(SHUT_RD))
        return fd
    }
}
