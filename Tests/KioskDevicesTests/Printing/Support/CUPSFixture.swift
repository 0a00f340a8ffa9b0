import Foundation

/// The private cupsd started by `scripts/cups-fixture` (scripts/test starts one and exports its
/// location). Tests that need it are enabled only when `KIOSK_TEST_CUPS_SERVER` is set; scripts/test
/// always sets it, so under scripts/test they always run.
struct CUPSFixture {
    var server: String
    var queue: String
    var paperOutQueue: String
    var slowQueue: String
    var captureDirectory: URL
    var paperOutCaptureDirectory: URL
    var slowCaptureDirectory: URL
    var control: URL
    var slowControl: URL
    var directory: URL

    /// Whether the fixture's variables are set.
    static var available: Bool { ProcessInfo.processInfo.environment["KIOSK_TEST_CUPS_SERVER"] != nil }

    /// The fixture scripts/test started.
    static func fromEnvironment() throws -> CUPSFixture {
        let environment = ProcessInfo.processInfo.environment
        guard let directory = environment["KIOSK_TEST_CUPS_DIR"] else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "KIOSK_TEST_CUPS_DIR is not set"])
        }
        return try load(URL(fileURLWithPath: directory))
    }

    /// Reads a fixture's `env` file.
    static func load(_ directory: URL) throws -> CUPSFixture {
        let text = try String(contentsOf: directory.appendingPathComponent("env"), encoding: .utf8)
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let assignment = line.replacingOccurrences(of: "export ", with: "")
            guard let equals = assignment.firstIndex(of: "=") else { continue }
            values[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
        }
        func value(_ key: String) throws -> String {
            guard let value = values[key] else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "env lacks \(key)"])
            }
            return value
        }
        return CUPSFixture(
            server: try value("KIOSK_TEST_CUPS_SERVER"),
            queue: try value("KIOSK_TEST_CUPS_QUEUE"),
            paperOutQueue: try value("KIOSK_TEST_CUPS_PAPEROUT_QUEUE"),
            slowQueue: try value("KIOSK_TEST_CUPS_SLOW_QUEUE"),
            captureDirectory: URL(fileURLWithPath: try value("KIOSK_TEST_CUPS_CAPTURE_DIR")),
            paperOutCaptureDirectory: URL(fileURLWithPath: try value("KIOSK_TEST_CUPS_PAPEROUT_CAPTURE_DIR")),
            slowCaptureDirectory: URL(fileURLWithPath: try value("KIOSK_TEST_CUPS_SLOW_CAPTURE_DIR")),
            control: URL(fileURLWithPath: try value("KIOSK_TEST_CUPS_CONTROL")),
            slowControl: URL(fileURLWithPath: try value("KIOSK_TEST_CUPS_SLOW_CONTROL")),
            directory: directory
        )
    }

    /// The fixture script in this checkout.
    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/cups-fixture")

    /// Starts a private fixture of the test's own in a fresh directory (for tests that restart cupsd).
    static func startPrivate() throws -> CUPSFixture {
        let directory = TestFiles.temporaryDirectory().appendingPathComponent("cups")
        try Shell.run([script.path, "start", directory.path])
        return try load(directory)
    }

    /// Stops a private fixture.
    func stop() throws {
        try Shell.run([Self.script.path, "stop", directory.path])
    }

    /// Restarts this fixture's cupsd on the same port.
    func restart() throws {
        try Shell.run([Self.script.path, "restart", directory.path])
    }

    /// Writes a control file (`paperout`, `hold`, `ok`).
    func set(_ file: URL, _ value: String) throws {
        try Data((value + "\n").utf8).write(to: file)
    }

    /// Runs a CUPS client tool against this cupsd.
    @discardableResult
    func client(_ arguments: [String]) throws -> String {
        try Shell.run(["/usr/bin/env", "CUPS_SERVER=\(server)"] + arguments)
    }

    /// The captured job files in `directory`.
    func captured(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".bin") }.sorted()
    }
}

/// Runs a command and returns its standard output; throws when it exits non-zero.
enum Shell {
    @discardableResult
    static func run(_ arguments: [String]) throws -> String {
        // Output goes to a file, not a pipe: a daemon the command starts may inherit the descriptor,
        // and a pipe would then never reach end-of-file.
        let outputFile = TestFiles.temporaryDirectory().appendingPathComponent("stdout")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        let handle = try FileHandle(forWritingTo: outputFile)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardOutput = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let output = try String(contentsOf: outputFile, encoding: .utf8)
        guard process.terminationStatus == 0 else {
            throw CocoaError(
                .executableLoad,
                userInfo: [
                    NSLocalizedDescriptionKey: "\(arguments.joined(separator: " ")) exited \(process.terminationStatus)"
                ]
            )
        }
        return output
    }
}
