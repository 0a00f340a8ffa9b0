import Foundation
import KioskTestSupport

/// Paths and process helpers for the systemd, audit and maintenance tests.
///
/// The built `kiosk` binary is found next to the test runner: on Linux `swift test` runs
/// `.build/<config>/kioskPackageTests.xctest`, and `swift build --build-tests` (what
/// scripts/test runs) puts `kiosk` in the same directory.
enum OpsFixtures {
    /// The repository root.
    static var repositoryRoot: URL { KioskTestSupport.repositoryRoot }

    /// `systemd/` in the repository.
    static let systemdDirectory = repositoryRoot.appendingPathComponent("systemd")

    /// The built `kiosk` executable next to the test runner.
    static var kioskBinary: URL { KioskProcess.binary }

    /// `true` when scripts/test runs the suite (it exports `KIOSK_TEST_TMPDIR`): then missing
    /// tools are failures, not reasons to skip.
    static var runByScriptsTest: Bool { ProcessInfo.processInfo.environment["KIOSK_TEST_TMPDIR"] != nil }

    /// The first executable called `name` on `PATH` (or the usual sbin directories).
    static func tool(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin", "/usr/bin", "/bin"]
        for directory in directories {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// A fresh temporary directory (under `KIOSK_TEST_TMPDIR` when set).
    static func temporaryDirectory() throws -> URL {
        let base = ProcessInfo.processInfo.environment["KIOSK_TEST_TMPDIR"] ?? NSTemporaryDirectory()
        let url = URL(fileURLWithPath: base).appendingPathComponent("ops-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// What a finished process left behind.
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `executable` to completion, feeding `stdin`, without blocking Swift's cooperative pool.
    static func run(
        _ executable: URL, _ arguments: [String], stdin: Data? = nil, currentDirectory: URL? = nil,
        environment: [String: String]? = nil
    ) async throws -> Result {
        let result = try await runProgram(
            executable, arguments, environment: environment, input: stdin ?? Data(), currentDirectory: currentDirectory)
        return Result(status: result.status, stdout: result.standardOutput, stderr: result.standardError)
    }
}
