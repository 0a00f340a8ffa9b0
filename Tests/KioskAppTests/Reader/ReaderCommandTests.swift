import Foundation
import KioskTestSupport
import Testing

/// `kiosk reader …` run as the real binary against `kiosk-devsim` on a real pty.
///
/// Needs the `kiosk` and `kiosk-devsim` products built next to the test runner
/// (`swift build --build-tests` builds them); the tests fail when they are missing.
@Suite struct ReaderCommandTests {
    static func products() throws -> (kiosk: URL, devsim: URL) {
        (
            try #require(BuiltProducts.url("kiosk"), "build the kiosk product first"),
            try #require(BuiltProducts.url("kiosk-devsim"), "build the kiosk-devsim product first")
        )
    }

    static func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func readPrintsAMaskedIdentityAndTheReadTime() async throws {
        let (kiosk, devsim) = try Self.products()
        let simulator = try await DevSimProcess(executable: devsim, card: "elder", extra: ["--line-speed"])
        let result = try await runProgram(kiosk, ["reader", "read", "--port", simulator.linkPath, "--timeout", "5"])
        #expect(result.status == 0, "\(result.standardError)")
        let output = result.standardOutput
        #expect(output.contains("name: 张*梅"))
        #expect(output.contains("number: 110***********002X"))
        #expect(output.contains("validity: 2015.01.01-长期"))
        #expect(!output.contains("张晓梅"))
        #expect(!output.contains("11010519491231002X"))
        let readTime = try #require(output.split(separator: "\n").first { $0.hasPrefix("readTime: ") })
        let milliseconds = try #require(Double(readTime.dropFirst("readTime: ".count).dropLast(" ms".count)))
        #expect(milliseconds >= 113, "a line-speed read cannot be faster than the line")
        #expect(simulator.stop() == 0)
    }

    @Test(arguments: ["elder", "resident", "expired", "rare", "hkmo", "foreigner", "young"])
    func readEveryCardAsJSON(_ card: String) async throws {
        let (kiosk, devsim) = try Self.products()
        let simulator = try await DevSimProcess(executable: devsim, card: card)
        let result = try await runProgram(
            kiosk, ["reader", "read", "--port", simulator.linkPath, "--timeout", "5", "--json", "--show-full"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try Self.json(result.standardOutput)
        #expect(object["masked"] as? Bool == false)
        #expect(object["issues"] as? [String] == [])
        #expect((object["readTimeMilliseconds"] as? Double ?? 0) > 0)
        let expectations: [String: (String, String, Bool)] = [
            "elder": ("张晓梅", "11010519491231002X", false), "resident": ("李建国", "440106198703150016", false),
            "expired": ("王秀英", "330102196207040045", true), "rare": ("吴\u{20BB7}", "320583197809090085", false),
            "hkmo": ("陈家明", "810000199408230013", false), "foreigner": ("约翰", "931156198506120011", false),
            "young": ("赵磊", "510107199001010034", false),
        ]
        let (name, number, expired) = try #require(expectations[card])
        #expect(object["name"] as? String == name)
        #expect(object["number"] as? String == number)
        #expect(object["expired"] as? Bool == expired)
        if card == "hkmo" { #expect(object["passNumber"] as? String == "H12345678") }
        if card == "foreigner" { #expect(object["englishName"] as? String == "SMITH JOHN") }
    }

    @Test func noCardBeforeTheTimeoutExits10() async throws {
        let (kiosk, devsim) = try Self.products()
        let simulator = try await DevSimProcess(executable: devsim, card: nil)
        let start = ContinuousClock.now
        let result = try await runProgram(kiosk, ["reader", "read", "--port", simulator.linkPath, "--timeout", "0.7"])
        #expect(result.status == 10)
        #expect(result.standardError.contains("no card"))
        #expect(ContinuousClock.now - start >= .milliseconds(700))
    }

    @Test func missingDeviceExits11() async throws {
        let (kiosk, _) = try Self.products()
        let result = try await runProgram(
            kiosk, ["reader", "read", "--port", "/dev/kiosk-no-reader", "--timeout", "1"])
        #expect(result.status == 11)
        #expect(result.standardError.contains("errno 2"))
        let status = try await runProgram(kiosk, ["reader", "status", "--port", "/dev/kiosk-no-reader"])
        #expect(status.status == 11)
    }

    /// A staff member testing a reader on a noisy line: one bad answer is not a broken reader. The
    /// command waits through it until its timeout (as the reader service does) and says how many
    /// faults it saw.
    @Test(arguments: [
        (["fault read-fail"], 1), (["fault bad-checksum"], 1), (["fault read-fail", "fault bad-checksum"], 2),
        (["fault no-answer 1"], 1),
    ])
    func transientFaultsAreWaitedThroughAndCounted(_ faults: [String], _ count: Int) async throws {
        let (kiosk, devsim) = try Self.products()
        let simulator = try await DevSimProcess(executable: devsim, card: "young")
        for fault in faults { try await simulator.send(fault) }
        let result = try await runProgram(kiosk, ["reader", "read", "--port", simulator.linkPath, "--timeout", "6"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("name: 赵*"))
        let line = try #require(result.standardOutput.split(separator: "\n").first { $0.hasPrefix("faults: ") })
        #expect(line.hasPrefix("faults: \(count) (last: "), "\(line)")
        #expect(simulator.stop() == 0)
    }

    @Test func theFaultCountIsInTheJSON() async throws {
        let (kiosk, devsim) = try Self.products()
        let simulator = try await DevSimProcess(executable: devsim, card: "young")
        try await simulator.send("fault read-fail")
        let result = try await runProgram(
            kiosk, ["reader", "read", "--port", simulator.linkPath, "--timeout", "6", "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try Self.json(result.standardOutput)
        #expect(object["faults"] as? Int == 1)
        #expect((object["lastFault"] as? String)?.contains("0x41") == true, "\(object["lastFault"] ?? "-")")
    }

    /// A fault that lasts until the timeout decides the exit code: 12 for bad answers, 11 for none.
    @Test(arguments: [("fault bad-checksum", 30, Int32(12)), ("fault no-answer 30", 1, 11)])
    func aFaultLastingUntilTheTimeoutSetsTheExitCode(_ fault: String, _ repeats: Int, _ expected: Int32) async throws {
        let (kiosk, devsim) = try Self.products()
        let simulator = try await DevSimProcess(executable: devsim, card: "young")
        for _ in 0..<repeats { try await simulator.send(fault) }
        let start = ContinuousClock.now
        let result = try await runProgram(kiosk, ["reader", "read", "--port", simulator.linkPath, "--timeout", "2"])
        #expect(result.status == expected, "\(result.standardError)")
        #expect(ContinuousClock.now - start >= .seconds(2), "it gave up before its timeout")
        #expect(result.standardError.contains("the reader still fails"))
        #expect(result.standardError.contains("faults: "))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func statusPrintsTheSAMID() async throws {
        let (kiosk, devsim) = try Self.products()
        let simulator = try await DevSimProcess(executable: devsim, card: nil)
        let text = try await runProgram(kiosk, ["reader", "status", "--port", simulator.linkPath])
        #expect(text.status == 0)
        #expect(text.standardOutput.contains("sam id: 05.01-20150101-0012345678-1234567890"))
        let json = try await runProgram(kiosk, ["reader", "status", "--port", simulator.linkPath, "--json"])
        let object = try Self.json(json.standardOutput)
        #expect(object["status"] as? String == "ok")
        #expect(object["code"] as? Int == 0x90)
        #expect(object["samID"] as? String == "05.01-20150101-0012345678-1234567890")

        try await simulator.send("fault status 60")
        let failed = try await runProgram(kiosk, ["reader", "status", "--port", simulator.linkPath])
        #expect(failed.status == 11)
        #expect(failed.standardError.contains("self-test"))
    }

    @Test func readerReopensThroughTheLinkAfterAnUnplug() async throws {
        let (kiosk, devsim) = try Self.products()
        let simulator = try await DevSimProcess(executable: devsim, card: "resident")
        try await simulator.send("unplug 0.3")
        let result = try await runProgram(kiosk, ["reader", "read", "--port", simulator.linkPath, "--timeout", "3"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("name: 李*国"))
    }

    @Test func helpDocumentsTheExitCodes() async throws {
        let (kiosk, _) = try Self.products()
        let result = try await runProgram(kiosk, ["reader", "read", "--help"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        for code in ["10  no card", "11  device error", "12  protocol error"] {
            #expect(lines.contains { $0.hasPrefix(code) }, "missing '\(code)'")
        }
    }
}
