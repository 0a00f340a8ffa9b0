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

    /// Runs `kiosk arguments…` to completion.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["KIOSK_ASSETS_DIR"] = assets
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so a large output cannot block the child.
        let errorData = Locked(Data())
        let reader = Thread { errorData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData.value, as: UTF8.self))
    }

    /// A fresh state directory under `$KIOSK_TEST_TMPDIR` (set by scripts/test) or the system temp.
    static func makeStateDirectory() throws -> String {
        let base = ProcessInfo.processInfo.environment["KIOSK_TEST_TMPDIR"] ?? NSTemporaryDirectory()
        let path = (base as NSString).appendingPathComponent("kiosk-domain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// A value set once by another thread.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    private var wasSet = false

    init(_ value: Value) { stored = value }

    func set(_ value: Value) {
        lock.lock()
        stored = value
        wasSet = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return wasSet
    }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
