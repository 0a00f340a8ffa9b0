import ArgumentParser
import Foundation
import KioskCore
import Testing

@testable import KioskApp

/// `kiosk maintenance hash-pin` (admin PIN for maintenance mode, whose actions are audited).
@Suite struct MaintenanceCommandTests {
    @Test func configLineVerifiesThePIN() throws {
        let line = try MaintenanceCommand.HashPin.configLine(pin: "20261122", iterations: 1_000)
        #expect(line.hasPrefix("pin_hash = \"pbkdf2-sha256$1000$"))
        #expect(line.hasSuffix("\""))
        let value = String(line.dropFirst("pin_hash = \"".count).dropLast())
        let hash = try PinHash(parsing: value)
        #expect(hash.verify("20261122"))
        #expect(!hash.verify("20261123"))
    }

    @Test(arguments: ["12345", "12345678901234567", "12345a", "１２３４５６", ""])
    func rejectsPINsOutsideTheRule(pin: String) {
        #expect(throws: (any Error).self) { try MaintenanceCommand.HashPin.configLine(pin: pin, iterations: 1_000) }
    }

    @Test func readsTheFirstLine() throws {
        let directory = try OpsFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("pin")
        try "654321\r\nignored\n".write(to: file, atomically: true, encoding: .utf8)
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        #expect(try MaintenanceCommand.HashPin.firstLine(of: handle) == "654321")
    }

    @Test func parsesOptions() throws {
        let command = try MaintenanceCommand.parseAsRoot(["hash-pin", "--pin-stdin", "--iterations", "2000"])
        let hashPin = try #require(command as? MaintenanceCommand.HashPin)
        #expect(hashPin.pinStdin)
        #expect(hashPin.iterations == 2_000)
        #expect(throws: (any Error).self) { try MaintenanceCommand.parseAsRoot(["hash-pin", "--iterations", "10"]) }
    }

    /// The real binary prints a configuration line whose hash verifies the PIN it was given.
    @Test
    func binaryPrintsAWorkingLine() async throws {
        let result = try await OpsFixtures.run(
            OpsFixtures.kioskBinary, ["maintenance", "hash-pin", "--pin-stdin", "--iterations", "1000"],
            stdin: Data("778899\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("778899"))
        let line = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let hash = try PinHash(parsing: String(line.dropFirst("pin_hash = \"".count).dropLast()))
        #expect(hash.verify("778899"))
    }
}
