import Foundation
import Glibc
import Testing

@testable import KioskBench

/// The bench's process launcher (``ScreenProcess``) and where it sends the child's standard error.
@Suite(.serialized) struct BenchLogTests {
    /// The null device's number, 1,3 (glibc's `makedev` is a macro Swift does not import).
    private static let nullDevice: dev_t = 1 << 8 | 3

    /// `true` when `/dev/null` is the character device 1,3.
    private static func devNullIsTheDevice() -> Bool {
        var info = stat()
        guard lstat("/dev/null", &info) == 0 else { return false }
        return info.st_mode & S_IFMT == S_IFCHR && info.st_rdev == nullDevice
    }

    /// Puts the device node back (only reached when the launcher broke it).
    private static func restoreDevNull() {
        unlink("/dev/null")
        let previous = umask(0)
        mknod("/dev/null", S_IFCHR | 0o666, nullDevice)
        umask(previous)
    }

    /// Run as root (as `scripts/test` does in CI), the launcher without `KIOSK_BENCH_LOG` must leave
    /// `/dev/null` a character device: replacing it with a regular file breaks every `> /dev/null`
    /// on the machine. If it does break it, the node is restored before the test fails.
    @Test(.enabled(if: getuid() == 0, "needs root: only root can replace /dev/null, so only root can see the defect"))
    func launchingAsRootLeavesDevNullADevice() throws {
        try #require(Self.devNullIsTheDevice(), "/dev/null is not the null device before the test")
        defer { if !Self.devNullIsTheDevice() { Self.restoreDevNull() } }
        var environment = ProcessInfo.processInfo.environment
        environment["KIOSK_BENCH_LOG"] = nil
        let child = try ScreenProcess(
            binary: URL(fileURLWithPath: "/bin/true"), arguments: [], environment: environment)
        child.process.waitUntilExit()
        child.stop()
        #expect(Self.devNullIsTheDevice(), "the bench's launcher replaced /dev/null with a regular file")
    }

    /// With `KIOSK_BENCH_LOG`, the child's standard error is appended to that file.
    @Test func theLogFileIsAppendedTo() throws {
        let path = NSTemporaryDirectory() + "kiosk-bench-log-\(UUID().uuidString.prefix(8))"
        defer { unlink(path) }
        try "earlier run\n".write(toFile: path, atomically: false, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["KIOSK_BENCH_LOG"] = path
        let child = try ScreenProcess(
            binary: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "echo from the child >&2"],
            environment: environment)
        child.process.waitUntilExit()
        child.stop()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "earlier run\nfrom the child\n")
    }
}
