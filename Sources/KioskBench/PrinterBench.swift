import Foundation
import KioskCore
import KioskDevices

/// Benchmarks of the printer capability: building a full receipt (template → ESC/POS with a raster
/// QR code) against python-escpos building the same receipt (scripts/bench-escpos.py).
enum PrinterBench {
    static let site = ReceiptSite(
        siteName: "某某市政务服务中心",
        terminalID: "ZZ-0042",
        qrLink: ReceiptQRLink(key: Array(0..<16))
    )

    static let input = CaseFileSlipInput(
        itemName: "城乡居民基本养老保险待遇申领",
        caseNumber: "BJ2026-000123",
        acceptedAt: "2026-11-20 09:30",
        status: "办理中",
        promisedDate: "2026-12-04",
        department: "市人力资源和社会保障局",
        consultPhone: "0371-12345678",
        supervisionPhone: "12345",
        applicantName: "欧阳娜娜",
        applicantIDNumber: "11010519491231002X"
    )

    static func run(_ report: inout BenchReport) async throws {
        let now = UnixTime(seconds: Int64(Date().timeIntervalSince1970))
        var lastBytes = 0
        for profile in [PrinterProfile.mm58, PrinterProfile.mm80] {
            let timing = try measure(iterations: 2000, warmup: 50) {
                let receipt = ReceiptTemplates.caseFileSlip(
                    input,
                    site: site,
                    printedAt: "2026-11-22 10:00",
                    now: now
                )
                lastBytes = try ESCPOSEncoder(profile: profile).encode(receipt).bytes.count
            }
            report.add(
                suite: "printer",
                name: "status slip, raster QR, \(profile.name)",
                value: Timing.ms(timing.median),
                target: "≤ 0.5 ms",
                note: "p99 \(Timing.ms(timing.p99)), \(lastBytes) bytes"
            )
        }
        var native = PrinterProfile.mm58
        native.nativeQR = true
        let nativeTiming = try measure(iterations: 2000, warmup: 50) {
            let receipt = ReceiptTemplates.caseFileSlip(input, site: site, printedAt: "2026-11-22 10:00", now: now)
            lastBytes = try ESCPOSEncoder(profile: native).encode(receipt).bytes.count
        }
        report.add(
            suite: "printer",
            name: "status slip, native QR, 58mm",
            value: Timing.ms(nativeTiming.median),
            note: "\(lastBytes) bytes"
        )
        let qrTiming = try measure(iterations: 2000) {
            _ = try QREncoder.encode("https://zwfw.example.gov.cn/q?id=BJ2026-000123&t=abcdef.abcdefghij")
        }
        report.add(suite: "printer", name: "libqrencode alone", value: Timing.ms(qrTiming.median))

        runPythonEscpos(&report, now: now)
    }

    /// Runs scripts/bench-escpos.py with the same receipt lines and URL.
    private static func runPythonEscpos(_ report: inout BenchReport, now: UnixTime) {
        let receipt = ReceiptTemplates.caseFileSlip(input, site: site, printedAt: "2026-11-22 10:00", now: now)
        var lines: [[Any]] = []
        var url = ""
        for element in receipt.elements {
            switch element {
            case .text(let text, let style):
                let align = style.alignment == .center ? "center" : (style.alignment == .right ? "right" : "left")
                for line in ReceiptLayout.lines(of: text, style: style, columns: 32) {
                    lines.append([line, align, style.bold, style.doubleWidth])
                }
            case .field(let label, let value):
                for line in ReceiptLayout.lines(ofField: label, value: value, columns: 32) {
                    lines.append([line, "left", false, false])
                }
            case .rule:
                lines.append([ReceiptLayout.rule(columns: 32), "left", false, false])
            case .qrCode(let payload):
                url = payload
            case .feed, .cut:
                break
            }
        }
        guard let python = pythonWithEscpos() else {
            report.add(suite: "printer", name: "python-escpos", value: "-", note: "skipped: no python-escpos venv")
            return
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/bench-escpos.py")
        do {
            let spec: [String: Any] = ["lines": lines, "url": url, "iterations": 200, "width": 384, "module": 6]
            let output = try runProcess(python, [script.path], input: try JSONSerialization.data(withJSONObject: spec))
            guard let result = try JSONSerialization.jsonObject(with: output) as? [String: Double] else {
                throw CocoaError(.fileReadCorruptFile)
            }
            report.add(
                suite: "printer",
                name: "python-escpos, image QR, 58mm",
                value: String(format: "%.4f ms", result["image_ms"] ?? .nan),
                note: "\(Int(result["image_bytes"] ?? 0)) bytes (qrcode + Pillow, GS v 0)"
            )
            report.add(
                suite: "printer",
                name: "python-escpos, native QR, 58mm",
                value: String(format: "%.4f ms", result["native_ms"] ?? .nan),
                note: "\(Int(result["native_bytes"] ?? 0)) bytes (GS ( k)"
            )
        } catch {
            report.add(suite: "printer", name: "python-escpos", value: "-", note: "failed: \(error)")
        }
    }

    /// `KIOSK_BENCH_PYTHON`, or a venv in the temporary directory with python-escpos installed.
    private static func pythonWithEscpos() -> String? {
        if let python = ProcessInfo.processInfo.environment["KIOSK_BENCH_PYTHON"] { return python }
        let venv = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kiosk-bench-venv")
        let python = venv.appendingPathComponent("bin/python").path
        if (try? runProcess(python, ["-c", "import escpos"], input: Data())) != nil { return python }
        do {
            try runProcess("/usr/bin/python3", ["-m", "venv", venv.path], input: Data())
            try runProcess(
                venv.appendingPathComponent("bin/pip").path,
                ["install", "-q", "--disable-pip-version-check", "python-escpos"],
                input: Data()
            )
            return python
        } catch {
            return nil
        }
    }

    @discardableResult
    private static func runProcess(_ executable: String, _ arguments: [String], input: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(
                .executableLoad,
                userInfo: [NSLocalizedDescriptionKey: "\(executable) exited \(process.terminationStatus)"]
            )
        }
        return output
    }
}
