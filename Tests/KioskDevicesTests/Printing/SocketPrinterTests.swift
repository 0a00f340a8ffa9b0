import Foundation
import Glibc
import KioskCore
import Testing

@testable import KioskDevices

@Suite struct SocketPrinterTests {
    static let allClear: [UInt8: UInt8] = [1: 0x16, 2: 0x12, 3: 0x12, 4: 0x12]
    static let receipt = Receipt(title: "t", elements: [.text("办件编号：BJ2026-000123"), .cut(partial: true)])

    /// Waits (bounded; a real socket and thread) until the fake printer has seen `count` connections.
    private func connections(_ fake: FakeAppSocketPrinter, atLeast count: Int) async throws -> [[UInt8]] {
        for _ in 0..<200 {
            let seen = fake.receivedPerConnection
            if seen.count >= count { return seen }
            try await Task.sleep(for: .milliseconds(10))
        }
        return fake.receivedPerConnection
    }

    @Test func statusComesFromDLEEOTAnswers() async throws {
        let fake = try FakeAppSocketPrinter(answers: [1: 0x16, 2: 0x12, 3: 0x12, 4: 0x1E])
        defer { fake.stop() }
        let printer = SocketPrinter(host: "127.0.0.1", port: fake.port, profile: .mm58)
        let status = await printer.status()
        #expect(status.device == .online)
        #expect(status.paper == .low)
        fake.script([1: 0x1E, 2: 0x32, 3: 0x12, 4: 0x72])
        let out = await printer.status()
        #expect(out.paper == .out)
        #expect(out.device == .userError)
    }

    @Test func printSendsTheEncodedBytes() async throws {
        let fake = try FakeAppSocketPrinter(answers: Self.allClear)
        defer { fake.stop() }
        let printer = SocketPrinter(host: "127.0.0.1", port: fake.port, profile: .mm58)
        let outcome = try await printer.print(Self.receipt, session: PrintSessionID("s1"))
        let expected = try ESCPOSEncoder(profile: .mm58).encode(Self.receipt).bytes
        #expect(outcome.byteCount == expected.count)
        let seen = try await connections(fake, atLeast: 2)
        #expect(seen.contains(expected))
        #expect(try ESCPOSReader.read(expected).texts == ["办件编号：BJ2026-000123"])
    }

    @Test func paperOutSendsNothing() async throws {
        let fake = try FakeAppSocketPrinter(answers: [1: 0x1E, 2: 0x32, 3: 0x12, 4: 0x72])
        defer { fake.stop() }
        let printer = SocketPrinter(host: "127.0.0.1", port: fake.port, profile: .mm58)
        await #expect {
            _ = try await printer.print(Self.receipt, session: PrintSessionID("s1"))
        } throws: { error in
            (error as? PrintError)?.isPaperOut == true
        }
        let seen = try await connections(fake, atLeast: 1)
        #expect(seen.allSatisfy { $0.isEmpty })
    }

    @Test func silentPrinterStillPrintsWithUnknownPaper() async throws {
        let fake = try FakeAppSocketPrinter(answers: [:])
        defer { fake.stop() }
        let printer = SocketPrinter(
            host: "127.0.0.1",
            port: fake.port,
            profile: .mm58,
            statusTimeout: .milliseconds(100)
        )
        #expect(await printer.status().paper == .unknown)
        _ = try await printer.print(Self.receipt, session: PrintSessionID("s1"))
        let expected = try ESCPOSEncoder(profile: .mm58).encode(Self.receipt).bytes
        #expect(try await connections(fake, atLeast: 2).contains(expected))
    }

    @Test func unreachablePrinterIsOffline() async throws {
        let (descriptor, port) = FakeAppSocketPrinter.refusingPort()
        defer { close(descriptor) }
        let printer = SocketPrinter(host: "127.0.0.1", port: port, profile: .mm58, timeout: .seconds(1))
        let status = await printer.status()
        #expect(status.device == .offline)
        #expect(!status.canPrint)
    }
}
