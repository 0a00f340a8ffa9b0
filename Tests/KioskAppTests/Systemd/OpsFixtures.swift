import Foundation

/// Paths and process helpers for the systemd, audit and maintenance tests.
///
/// The built `kiosk` binary is found next to the test runner: on Linux `swift test` runs
/// `.build/<config>/kioskPackageTests.xctest`, and `swift build --build-tests` (what
/// scripts/test runs) puts `kiosk` in the same directory.
enum OpsFixtures {
    /// The repository root, from this file's path.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Systemd
        .deletingLastPathComponent()  // KioskAppTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `systemd/` in the repository.
    static let systemdDirectory = repositoryRoot.appendingPathComponent("systemd")

    /// The built `kiosk` executable next to the test runner.
    static var kioskBinary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("kiosk")
    }

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

    /// Runs `executable` to completion, feeding `stdin`; output goes through temporary files so
    /// a chatty child cannot block on a full pipe.
    static func run(
        _ executable: URL, _ arguments: [String], stdin: Data? = nil, currentDirectory: URL? = nil,
        environment: [String: String]? = nil
    ) throws -> Result {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        if let environment { process.environment = environment }
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        process.standardOutput = outHandle
        process.standardError = errHandle
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
