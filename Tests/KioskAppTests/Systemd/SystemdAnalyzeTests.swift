import Foundation
import KioskTestSupport
import Testing

/// `systemd-analyze verify` and `systemd-analyze security --offline=true` on the shipped units
/// (package `systemd`). Skipped when the tool is missing under plain `swift test`; a failure
/// when scripts/test runs the suite (it sets KIOSK_TEST_TMPDIR).
@Suite(.enabled(if: OpsFixtures.tool("systemd-analyze") != nil || OpsFixtures.runByScriptsTest))
struct SystemdAnalyzeTests {
    static let units = [
        "kiosk.service", "kiosk-cage.service", "kiosk-kmscon.service", "kiosk-gateway.service", "kiosk-sync.service",
    ]

    /// The exposure budget per unit (systemd-analyze security, 0 = locked down … 10 = exposed).
    /// kmscon must run as root with DRM/VT capabilities, so its budget is looser.
    static let exposureBudget: [String: Double] = [
        "kiosk.service": 2.5, "kiosk-cage.service": 2.5, "kiosk-kmscon.service": 3.5, "kiosk-gateway.service": 2.5,
        "kiosk-sync.service": 2.5,
    ]

    func analyze() throws -> URL {
        try #require(OpsFixtures.tool("systemd-analyze"), "systemd-analyze (package systemd) is not installed")
    }

    /// Copies the units into a fresh directory so `verify` can check their ExecStart binaries:
    /// /usr/local/bin/kiosk becomes the built binary; cage and kmscon, when not installed on
    /// the build machine, are stood in for by the built binary as well (verify only checks
    /// that the command exists and is executable).
    func stage(_ names: [String], edit: (String) -> String = { $0 }) throws -> (URL, [URL]) {
        let kiosk = OpsFixtures.kioskBinary
        try #require(FileManager.default.isExecutableFile(atPath: kiosk.path), "no built kiosk at \(kiosk.path)")
        let directory = try OpsFixtures.temporaryDirectory()
        var staged: [URL] = []
        for name in names {
            var text = try String(
                contentsOf: OpsFixtures.systemdDirectory.appendingPathComponent(name), encoding: .utf8)
            text = text.replacingOccurrences(
                of: "/usr/local/bin/kiosk-gateway", with: BuiltProducts.path("kiosk-gateway").path
            )
            .replacingOccurrences(of: "/usr/local/bin/kiosk ", with: kiosk.path + " ")
            for tool in ["/usr/bin/cage", "/usr/bin/kmscon"] where !FileManager.default.isExecutableFile(atPath: tool) {
                text = text.replacingOccurrences(of: tool + " ", with: kiosk.path + " ")
            }
            let url = directory.appendingPathComponent(name)
            try edit(text).write(to: url, atomically: true, encoding: .utf8)
            staged.append(url)
        }
        return (directory, staged)
    }

    /// Runs `systemd-analyze verify` and returns the complaints about the given units (it exits
    /// 0 for unknown keys and bad values, so its output is what counts).
    func verify(_ files: [URL], in directory: URL) async throws -> (status: Int32, problems: [String]) {
        let result = try await OpsFixtures.run(
            try analyze(), ["verify", "--man=no"] + files.map(\.path), currentDirectory: directory)
        let names = files.map(\.lastPathComponent)
        let problems = (result.stdout + result.stderr).split(separator: "\n").map(String.init).filter { line in
            line.contains(directory.path) || names.contains { line.contains($0) }
        }
        return (result.status, problems)
    }

    @Test func unitsVerifyCleanly() async throws {
        let (directory, files) = try stage(Self.units)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (status, problems) = try await verify(files, in: directory)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(status == 0)
    }

    /// The check above can fail: a typo in a key and a bad value are reported.
    @Test func verifyReportsBrokenUnits() async throws {
        let (directory, files) = try stage(["kiosk.service"]) { text in
            text.replacingOccurrences(of: "Restart=always", with: "Restart=sometimes")
                .replacingOccurrences(of: "ProtectHome=yes", with: "ProtectHomes=yes")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let (_, problems) = try await verify(files, in: directory)
        #expect(problems.contains { $0.contains("sometimes") })
        #expect(problems.contains { $0.contains("ProtectHomes") })
    }

    /// A missing ExecStart binary is an error (why the units are staged with the built kiosk).
    @Test func verifyNeedsTheBinary() async throws {
        let (directory, files) = try stage(["kiosk.service"]) { text in
            text.replacingOccurrences(of: OpsFixtures.kioskBinary.path, with: "/nonexistent/kiosk")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let (status, problems) = try await verify(files, in: directory)
        #expect(status != 0 || !problems.isEmpty)
    }

    @Test(arguments: units)
    func exposureWithinBudget(name: String) async throws {
        let budget = try #require(Self.exposureBudget[name])
        let (directory, files) = try stage([name])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await OpsFixtures.run(
            try analyze(),
            ["security", "--offline=true", "--no-pager", "--threshold=\(Int((budget * 10).rounded()))", files[0].path],
            currentDirectory: directory)
        let output = result.stdout + result.stderr
        let line = try #require(
            output.split(separator: "\n").first { $0.contains("Overall exposure level for \(name)") },
            "no score in: \(output.suffix(500))")
        let score = try #require(
            line.split(separator: " ").compactMap { Double($0) }.first, "cannot read the score in: \(line)")
        #expect(score <= budget, "\(name) exposure \(score) > \(budget)")
        #expect(result.status == 0, "\(name): --threshold failed: \(line)")
    }
}
