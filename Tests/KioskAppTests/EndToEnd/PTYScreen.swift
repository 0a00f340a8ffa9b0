import Foundation
import KioskTestSupport
import Testing

/// Runs a program in a real pseudo-terminal through `scripts/pty-screen.py`, which reads the screen
/// with the independent terminal emulator pyte and plays the citizen (keys, taps as SGR mouse bytes).
///
/// Needs `KIOSK_TEST_PYTHON` (a Python with pyte and wcwidth; scripts/test creates it).
struct PTYScreen {
    /// One step of the script; see the header of `scripts/pty-screen.py`.
    enum Action {
        case wait(String, timeout: Double = 10)
        case waitGone(String, timeout: Double = 10)
        case send(String)
        case tap(String, nth: Int = 0)
        case snapshot(String)
        case sleep(Double)
        case markBytes(String)
        /// Creates the file at this path once the steps before it are done (see ``waitForFile(_:timeout:)``).
        case touch(String)
        case resize(columns: Int, rows: Int)
        case signal(String)
        case waitExit(Double)
        /// Waits until the file at the path holds the text (a log line the screen must not show).
        case waitFile(String, contains: String, timeout: Double = 10)
        /// Runs a command from the script (`{pid}` = the program's pid); a non-zero exit fails the run.
        case exec([String], timeout: Double = 60)

        var json: [String: Any] {
            switch self {
            case .wait(let text, let timeout): ["wait": text, "timeout": timeout]
            case .waitGone(let text, let timeout): ["wait_gone": text, "timeout": timeout]
            case .send(let bytes): ["send": bytes]
            case .tap(let text, let nth): ["tap": text, "nth": nth]
            case .snapshot(let name): ["snapshot": name]
            case .sleep(let seconds): ["sleep": seconds]
            case .markBytes(let name): ["mark_bytes": name]
            case .touch(let path): ["touch": path]
            case .resize(let columns, let rows): ["resize": [columns, rows]]
            case .signal(let name): ["signal": name]
            case .waitExit(let seconds): ["wait_exit": seconds]
            case .waitFile(let path, let text, let timeout): ["wait_file": path, "contains": text, "timeout": timeout]
            case .exec(let arguments, let timeout): ["exec": arguments, "timeout": timeout]
            }
        }
    }

    /// A recorded screen.
    struct Snapshot: Decodable {
        var lines: [String]
        var problems: [String]
        var size: [Int]

        var text: String { lines.joined(separator: "\n") }
    }

    /// A command run by an ``Action/exec(_:timeout:)`` step.
    struct Exec: Decodable {
        var argv: [String]
        var status: Int
        var output: String
    }

    /// What the run produced.
    struct Result: Decodable {
        var snapshots: [String: Snapshot]
        var marks: [String: Int]
        var error: String?
        var screen: [String]?
        var exitCode: Int?
        var bytes: Int
        var termiosRestored: Bool
        var tail: String
        var execs: [Exec]

        enum CodingKeys: String, CodingKey {
            case snapshots, marks, error, screen, bytes, tail, execs
            case exitCode = "exit_code"
            case termiosRestored = "termios_restored"
        }

        /// The named snapshot, failing the test when it was not taken.
        func snapshot(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Snapshot {
            try #require(
                snapshots[name],
                "no snapshot \(name); error: \(error ?? "none")\n\((screen ?? []).joined(separator: "\n"))",
                sourceLocation: sourceLocation)
        }
    }

    /// The Python interpreter with pyte, or `nil` when the suite was not started by scripts/test.
    static var python: String? { ProcessInfo.processInfo.environment["KIOSK_TEST_PYTHON"] }

    /// True when the end-to-end tests can run (always under scripts/test).
    static var isAvailable: Bool { python != nil }

    var columns = 120
    var rows = 40
    var environment: [String: String] = [:]

    /// Runs `arguments` (the first is the program) under the script and returns the parsed result.
    /// Returns once the script has reached a ``Action/touch(_:)`` step that creates `path`: the test
    /// then acts on the kiosk's state (fills a disk, say) at that moment rather than after a guess of
    /// how long the kiosk takes.
    static func waitForFile(_ path: String, timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        while !FileManager.default.fileExists(atPath: path) {
            guard ContinuousClock.now < deadline else {
                struct StepNotReached: Error, CustomStringConvertible {
                    var path: String
                    var description: String { "the screen script did not reach the step that creates \(path)" }
                }
                throw StepNotReached(path: path)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    func run(_ arguments: [String], actions: [Action]) async throws -> Result {
        let python = try #require(Self.python, "KIOSK_TEST_PYTHON is not set (run scripts/test)")
        let directory = FileManager.default.temporaryDirectory.appending(path: "pty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let actionsFile = directory.appending(path: "actions.json")
        try JSONSerialization.data(withJSONObject: actions.map(\.json)).write(to: actionsFile)

        var scriptArguments = [
            E2E.repositoryRoot.appending(path: "scripts/pty-screen.py").path,
            "--cols", "\(columns)", "--rows", "\(rows)", "--actions", actionsFile.path,
        ]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) {
            scriptArguments += ["--env", "\(key)=\(value)"]
        }
        let result = try await runProgram(
            URL(fileURLWithPath: python), scriptArguments + ["--"] + arguments)
        try #require(result.status == 0, "pty-screen.py failed: \(result.standardOutput) \(result.standardError)")
        return try JSONDecoder().decode(Result.self, from: Data(result.standardOutput.utf8))
    }
}

/// Paths shared by the end-to-end tests.
enum E2E {
    /// The repository checkout.
    static var repositoryRoot: URL { KioskTestSupport.repositoryRoot }

    /// The built `kiosk` next to the test runner (`KIOSK_BINARY` overrides).
    static var kiosk: String { KioskProcess.binary.path }

    /// A fresh directory for one test's state.
    static func stateDirectory() throws -> String { try KioskProcess.makeStateDirectory() }
}
