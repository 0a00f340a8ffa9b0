import Foundation

/// Runs the real `kiosk` binary for integration tests.
///
/// The binary is found next to the test runner: SwiftPM on Linux builds the test executable
/// (`<name>PackageTests.xctest`) into the same `.build/<configuration>/` directory as the products,
/// so `/proc/self/exe`'s directory holds `kiosk`. `KIOSK_BINARY` overrides this.
enum KioskProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        if let explicit = ProcessInfo.processInfo.environment["KIOSK_BINARY"] {
            return URL(fileURLWithPath: explicit)
        }
        let runner =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: runner).deletingLastPathComponent()
        // On macOS the runner sits inside the .xctest bundle; walk up to the products directory.
        while directory.path != "/"
            && !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("kiosk").path)
        {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("kiosk")
    }

    /// The repository's `assets/` directory (for `KIOSK_ASSETS_DIR`).
    static let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("assets").path

    /// Runs `kiosk arguments…` to completion (without blocking Swift's cooperative pool).
    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["KIOSK_ASSETS_DIR"] = assets
        for (key, value) in environment { env[key] = value }
        let result = try await runProgram(binary, arguments, environment: env)
        return Result(status: result.status, stdout: result.standardOutput, stderr: result.standardError)
    }

    /// A fresh state directory under `$KIOSK_TEST_TMPDIR` (set by scripts/test) or the system temp.
    static func makeStateDirectory() throws -> String {
        let base = ProcessInfo.processInfo.environment["KIOSK_TEST_TMPDIR"] ?? NSTemporaryDirectory()
        let path = (base as NSString).appendingPathComponent("kiosk-domain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
