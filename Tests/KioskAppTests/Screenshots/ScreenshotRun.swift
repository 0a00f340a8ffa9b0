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
        /// The print result screens with the slip's QR code on screen (no printer).
        var qrShots: [QRShot] = []
    }

    /// A screenshot of the print result with the QR code on screen, and what the kiosk meant it to say.
    struct QRShot: Sendable {
        var file: String
        var png: Data
        /// The 办件编号 the harness printed.
        var applicationNumber: String
        /// The print happened within these Unix seconds.
        var printedAfter: Int64
        var printedBefore: Int64
        /// The `[receipt] token_key` the harness configured.
        var tokenKey: String
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
        let python = URL(
            fileURLWithPath: ProcessInfo.processInfo.environment["KIOSK_TEST_PYTHON"] ?? "/usr/bin/python3")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-shots-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let kiosk = BuiltProducts.url("kiosk")?.path ?? ".build/debug/kiosk"
        let screens =
            "home,reading,applications,detail,print-result,print-qr,mail-phone,mail-address,mail-summary,"
            + "mail-done,rating,rating-reasons,paused,maintenance"
        var harnessOutput = ""
        var allFailures: [String] = []
        var allFigures = ""
        var qrShots: [QRShot] = []
        for (sizes, variants, subset) in [
            ("1920x1080", "standard,elder,high-contrast,english", screens),
            ("1280x1024", "standard,elder", "home,applications,mail-summary,print-qr"),
        ] {
            let directory = output.appendingPathComponent(sizes)
            let harness = try await runProgram(
                python,
                [
                    repositoryRoot.appendingPathComponent("scripts/screenshots").path, "--out", directory.path,
                    "--sizes", sizes, "--variants", variants, "--screens", subset, "--kiosk", kiosk,
                ])
            harnessOutput += harness.standardOutput
            if harness.status != 0 { return Report(harness: harness, failures: [], figures: "") }
            let check = try await runProgram(
                python, [repositoryRoot.appendingPathComponent("scripts/screenshot-check.py").path, directory.path])
            guard let json = try? JSONSerialization.jsonObject(with: Data(check.standardOutput.utf8)) as? [String: Any],
                let failures = json["failures"] as? [String]
            else {
                let broken = ProgramResult(
                    status: 1, standardOutput: harnessOutput, standardError: "checker: \(check.standardError)")
                return Report(harness: broken, failures: [], figures: "")
            }
            allFailures += failures
            allFigures += check.standardOutput
            qrShots += try Self.qrShots(in: directory)
        }
        return Report(
            harness: ProgramResult(status: 0, standardOutput: harnessOutput, standardError: ""),
            failures: allFailures, figures: allFigures, qrShots: qrShots)
    }

    /// The index's print-qr entries with their PNGs.
    private static func qrShots(in directory: URL) throws -> [QRShot] {
        let index = try JSONSerialization.jsonObject(
            with: Data(contentsOf: directory.appendingPathComponent("index.json")))
        return try (index as? [[String: Any]] ?? []).filter { $0["screen"] as? String == "print-qr" }.map { entry in
            let file = entry["file"] as? String ?? ""
            return QRShot(
                file: file, png: try Data(contentsOf: directory.appendingPathComponent(file)),
                applicationNumber: entry["application_number"] as? String ?? "",
                printedAfter: (entry["printed_after"] as? NSNumber)?.int64Value ?? 0,
                printedBefore: (entry["printed_before"] as? NSNumber)?.int64Value ?? 0,
                tokenKey: entry["token_key"] as? String ?? "")
        }
    }
}
