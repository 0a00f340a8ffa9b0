import Foundation
import Testing

/// Runs the built `kiosk` binary. On Linux the test runner (`kioskPackageTests.xctest`) lives in the
/// build directory next to the products, so the binary is found beside `CommandLine.arguments[0]`.
enum KioskBinary {
    static let url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("kiosk")

    /// Runs `kiosk arguments…`; returns the exit status and standard output (stderr is kept apart).
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out")
        let err = directory.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return (
            process.terminationStatus, try String(contentsOf: out, encoding: .utf8),
            try String(contentsOf: err, encoding: .utf8)
        )
    }
}

@Suite struct PrinterCommandTests {
    /// `打印机测试` in GB 18030.
    static let titleGB18030: [UInt8] = [0xB4, 0xF2, 0xD3, 0xA1, 0xBB, 0xFA, 0xB2, 0xE2, 0xCA, 0xD4]

    @Test(arguments: [("58mm", 48), ("80mm", 72)])
    func testOutputWritesTheReceiptBytes(profile: String, bytesPerRow: UInt8) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-test-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try KioskBinary.run(["printer", "test", "--output", file.path, "--profile", profile])
        #expect(result.status == 0, "\(result.error)")
        let bytes = try [UInt8](Data(contentsOf: file))
        #expect(result.output.contains("wrote \(bytes.count) bytes"))
        #expect(Array(bytes.prefix(4)) == [0x1B, 0x40, 0x1C, 0x26])  // ESC @, FS &
        #expect(Array(bytes.suffix(2)) == [0x1C, 0x2E])  // FS .
        #expect(contains(bytes, Self.titleGB18030))
        #expect(contains(bytes, [0x1D, 0x76, 0x30, 0x00, bytesPerRow, 0x00]))  // GS v 0, full paper width
        #expect(contains(bytes, [0x1D, 0x56, 0x01]))  // partial cut
    }

    @Test func unknownProfileIsAUsageError() throws {
        let result = try KioskBinary.run(["printer", "test", "--output", "/dev/null", "--profile", "110mm"])
        #expect(result.status != 0)
        #expect(result.error.contains("unknown profile"))
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }
}

/// The commands against the private cupsd of scripts/cups-fixture; enabled when
/// KIOSK_TEST_CUPS_SERVER is set (always under scripts/test).
@Suite(
    .enabled(if: ProcessInfo.processInfo.environment["KIOSK_TEST_CUPS_SERVER"] != nil, "needs KIOSK_TEST_CUPS_SERVER")
)
struct PrinterCommandCUPSTests {
    let environment = ProcessInfo.processInfo.environment

    @Test func statusAsJSON() throws {
        let queue = try #require(environment["KIOSK_TEST_CUPS_QUEUE"])
        let server = try #require(environment["KIOSK_TEST_CUPS_SERVER"])
        let result = try KioskBinary.run(["printer", "status", "--queue", queue, "--server", server, "--json"])
        #expect(result.status == 0, "\(result.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(["online", "deviceBusy"].contains(object["device"] as? String))
        #expect(object["paper"] as? String == "unknown")
        #expect(object["acceptingJobs"] as? Bool == true)
        #expect(object["queue"] as? String == queue)
    }

    @Test func testPrintsAndWaitsForCompletion() throws {
        let queue = try #require(environment["KIOSK_TEST_CUPS_QUEUE"])
        let captures = URL(fileURLWithPath: try #require(environment["KIOSK_TEST_CUPS_CAPTURE_DIR"]))
        let result = try KioskBinary.run(["printer", "test", "--queue", queue, "--profile", "80mm"])
        #expect(result.status == 0, "\(result.error)")
        let words = result.output.split(separator: " ")
        let jobID = try #require(words.count > 1 ? Int(words[1]) : nil, "no job id in \(result.output)")
        // Completed means captured: the file is already there.
        let bytes = try [UInt8](Data(contentsOf: captures.appendingPathComponent("job-\(jobID).bin")))
        #expect(Array(bytes.prefix(4)) == [0x1B, 0x40, 0x1C, 0x26])
    }

    @Test func missingQueueFails() throws {
        let result = try KioskBinary.run(["printer", "test", "--queue", "no-such-queue", "--timeout", "5"])
        #expect(result.status != 0)
        #expect(result.error.contains("no-such-queue"))
        let status = try KioskBinary.run(["printer", "status", "--queue", "no-such-queue"])
        #expect(status.status == 2)
        #expect(status.output.contains("noDevice"))
        let unreachable = try KioskBinary.run([
            "printer", "status", "--queue", "kiosk", "--server", "127.0.0.1:1", "--json",
        ])
        #expect(unreachable.status == 1)
        #expect(unreachable.output.contains(#""device":"offline""#))
    }
}
