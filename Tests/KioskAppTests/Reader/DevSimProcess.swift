import Foundation
import KioskTestSupport

/// A running `kiosk-devsim sam` serving a SAM on a pty behind a fresh symlink, driven through its
/// standard input. Stopped with SIGTERM on ``stop()``.
final class DevSimProcess: @unchecked Sendable {
    let linkPath: String
    private let process = Process()
    private let input = Pipe()
    private let output: DataCollector

    /// Starts the emulator and waits for its `ready` line.
    init(executable: URL, card: String?, extra: [String] = []) async throws {
        let directory = ProcessInfo.processInfo.environment["KIOSK_TEST_TMPDIR"] ?? NSTemporaryDirectory()
        linkPath = (directory as NSString).appendingPathComponent("devsim-\(UUID().uuidString.prefix(8))")
        process.executableURL = executable
        process.arguments = ["sam", "--link", linkPath] + (card.map { ["--card", $0] } ?? []) + extra
        process.standardInput = input
        let pipe = Pipe()
        process.standardOutput = pipe
        output = DataCollector(pipe.fileHandleForReading)
        try process.run()
        try await waitForLine("ready \(linkPath)")
    }

    /// Sends one command line (e.g. `fault read-fail`) and waits for its `ok` acknowledgement.
    func send(_ command: String) async throws {
        input.fileHandleForWriting.write(Data((command + "\n").utf8))
        try await waitForLine("ok \(command)")
    }

    private func waitForLine(_ line: String) async throws {
        // Generous: the whole suite runs in parallel on two cores.
        let deadline = ContinuousClock.now + .seconds(60)
        while true {
            if output.current.split(separator: "\n").contains(Substring(line)) { return }
            if ContinuousClock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        struct NoAcknowledgement: Error, CustomStringConvertible {
            let line: String
            var description: String { "kiosk-devsim did not print '\(line)'" }
        }
        throw NoAcknowledgement(line: line)
    }

    /// SIGTERM, then waits for the exit; returns the exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning {
            process.terminate()
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        stop()
    }
}
