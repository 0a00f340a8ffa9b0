import Foundation
import KioskTestSupport

/// Runs the real `kiosk` binary for integration tests.
enum KioskProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The built `kiosk` (``BuiltProducts``).
    static var binary: URL { BuiltProducts.path("kiosk") }

    /// The repository's `assets/` directory (for `KIOSK_ASSETS_DIR`).
    static let assets = repositoryRoot.appendingPathComponent("assets").path

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
