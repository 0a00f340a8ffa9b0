import Foundation
import KioskTestSupport

/// One run of `scripts/screenshots` and `scripts/screenshot-check.py`, shared by the screenshot tests.
///
/// The harness runs the real `kiosk demo` in foot with the shipped `systemd/foot.ini` under headless
/// sway and takes PNGs with grim; the checker measures their pixels. The suite runs every variant at
/// 1920×1080 and three screens at 1280×1024 (the full set: `scripts/screenshots`).
actor ScreenshotRun {
    /// What the checker reported.
    struct Report: Sendable {
        /// The harness's exit status and output (2: the compositor could not start).
        var harness: ProgramResult
        /// One line per failed check (empty when the harness failed).
        var failures: [String]
        /// The checker's JSON figures per screenshot, as text for the test log.
        var figures: String
    }

    /// The shared run.
    static let shared = ScreenshotRun()

    private var running: Task<Report, any Error>?

    /// The report, running the harness and the checker the first time.
    func report() async throws -> Report {
        if let running { return try await running.value }
        let task = Task { try await Self.run() }
        running = task
        return try await task.value
    }

    private static func run() async throws -> Report {
        let python = URL(fileURLWithPath: ProcessInfo.processInfo.environment["KIOSK_TEST_PYTHON"] ?? "/usr/bin/python3")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-shots-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let kiosk = BuiltProducts.url("kiosk")?.path ?? ".build/debug/kiosk"
        let screens = "home,applications,detail,print-result,mail-phone,mail-address,mail-summary,mail-done,rating,rating-reasons"
        var harnessOutput = ""
        var allFailures: [String] = []
        var allFigures = ""
        for (sizes, variants, subset) in [
            ("1920x1080", "standard,elder,high-contrast,english", screens),
            ("1280x1024", "standard,elder", "home,applications,mail-summary"),
        ] {
            let directory = output.appendingPathComponent(sizes)
            let harness = try await runProgram(
                python,
                [repositoryRoot.appendingPathComponent("scripts/screenshots").path, "--out", directory.path,
                 "--sizes", sizes, "--variants", variants, "--screens", subset, "--kiosk", kiosk])
            harnessOutput += harness.standardOutput
            if harness.status != 0 { return Report(harness: harness, failures: [], figures: "") }
            let check = try await runProgram(
                python, [repositoryRoot.appendingPathComponent("scripts/screenshot-check.py").path, directory.path])
            guard let json = try? JSONSerialization.jsonObject(with: Data(check.standardOutput.utf8)) as? [String: Any],
                  let failures = json["failures"] as? [String]
            else {
                let broken = ProgramResult(status: 1, standardOutput: harnessOutput, standardError: "checker: \(check.standardError)")
                return Report(harness: broken, failures: [], figures: "")
            }
            allFailures += failures
            allFigures += check.standardOutput
        }
        return Report(harness: ProgramResult(status: 0, standardOutput: harnessOutput, standardError: ""),
                      failures: allFailures, figures: allFigures)
    }
}
