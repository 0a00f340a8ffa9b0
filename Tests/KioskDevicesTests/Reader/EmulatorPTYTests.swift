import Foundation
import KioskCore
import Testing

@testable import KioskDevices

/// The real serial driver (SerialLink, SAMClient) against the emulator over a real pty: every
/// command, every card kind, every fault, and reopening after an unplug.
@Suite struct EmulatorPTYTests {
    @Test(arguments: SampleCards.all.map(\.name))
    func readsEveryCardKind(_ name: String) async throws {
        let card = try #require(SampleCards.named(name))
        let fixture = try PTYFixture(card: card)
        let link = try await fixture.open()
        let client = SAMClient(transport: link)
        #expect(try await client.findCard())
        #expect(try await client.selectCard())
        let identity = try await client.readCard()
        let expected = CardTextBlock.identity(text: CardTextBlock.encode(card), photo: card.photo)
        #expect(identity.kind == expected.kind)
        #expect(identity.name == card.name)
        #expect(identity.number.text == card.number)
        #expect(identity.englishName == expected.englishName)
        #expect(identity.specific == expected.specific)
        #expect(identity.validity == expected.validity)
        #expect(identity.photo.withBytes { $0 } == card.photo)
        #expect(identity.issues.isEmpty)
        // Read: find now answers 0x80 while select still succeeds.
        #expect(try await client.findCard() == false)
        #expect(try await client.selectCard())
        await link.close()
    }

    @Test func everyOtherCommand() async throws {
        let fixture = try PTYFixture(card: SampleCards.resident)
        let link = try await fixture.open()
        let client = SAMClient(transport: link)
        #expect(try await client.status() == .success)
        #expect(try await client.samID() == "05.01-20150101-0012345678-1234567890")
        #expect(try await link.exchange(.reset, timeout: .seconds(1)).status == .success)
        #expect(try await link.exchange(.setBaudRate(.b115200), timeout: .seconds(1)).status == .success)
        #expect(try await link.exchange(.setMaximumRFFrame(0x50), timeout: .seconds(1)).status == .success)
        #expect(
            try await link.exchange(SAMCommand(command: 0x42, parameter: 0x42), timeout: .seconds(1)).status
                == .commandError)
        #expect(try await client.selectCard())
        #expect(try await link.exchange(.readAdditionalAddress, timeout: .seconds(1)).status == .emptyItem)
        let full = try await link.exchange(.readTextWithFingerprint, timeout: .seconds(3))
        #expect(full.encoded.count == 1297)
        #expect(try SAMClient.decodeReadData(full.data, command: .readTextWithFingerprint).name == "李建国")
        await link.close()
    }

    @Test func noCardAnswers() async throws {
        let fixture = try PTYFixture()
        let link = try await fixture.open()
        let client = SAMClient(transport: link)
        #expect(try await client.findCard() == false)
        #expect(try await client.selectCard() == false)
        await #expect(throws: ReaderError.self) { try await client.readCard() }
        await link.close()
    }

    @Test func garbageBeforeAnAnswerIsSkipped() async throws {
        let fixture = try PTYFixture(card: SampleCards.young)
        let link = try await fixture.open()
        let client = SAMClient(transport: link)
        fixture.emulator.inject(.garbageBeforeNextAnswer)
        #expect(try await client.findCard())
        fixture.emulator.inject(.garbageBeforeNextAnswer)
        #expect(try await client.selectCard())
        fixture.emulator.inject(.garbageBeforeNextAnswer)
        #expect(try await client.readCard().name == "赵磊")
        await link.close()
    }

    @Test func badChecksumIsAProtocolError() async throws {
        let fixture = try PTYFixture(card: SampleCards.young)
        let link = try await fixture.open()
        let client = SAMClient(transport: link)
        _ = try await client.selectCard()
        fixture.emulator.inject(.badChecksum)
        await #expect { try await client.readCard() } throws: { ($0 as? ReaderError)?.category == .protocol }
        // The line recovers: the next exchange works.
        #expect(try await client.status() == .success)
        await link.close()
    }

    @Test func noAnswerIsATimeout() async throws {
        let fixture = try PTYFixture()
        let link = try await fixture.open()
        let client = SAMClient(transport: link, commandTimeout: .milliseconds(150))
        fixture.emulator.inject(.noAnswer(count: 1))
        let start = ContinuousClock.now
        await #expect { try await client.findCard() } throws: { ($0 as? ReaderError)?.category == .timeout }
        #expect(ContinuousClock.now - start >= .milliseconds(150))
        #expect(try await client.findCard() == false)
        await link.close()
    }

    @Test func readFailureIsReported() async throws {
        let fixture = try PTYFixture(card: SampleCards.elder)
        let link = try await fixture.open()
        let client = SAMClient(transport: link)
        _ = try await client.selectCard()
        fixture.emulator.inject(.readFailure)
        await #expect { try await client.readCard() } throws: { ($0 as? ReaderError)?.status == .readFailed }
        #expect(try await client.readCard().name == "张晓梅")
        await link.close()
    }

    @Test func removalMidReadTimesOut() async throws {
        let fixture = try PTYFixture(card: SampleCards.elder, lineSpeed: true)
        let link = try await fixture.open()
        let client = SAMClient(transport: link, readTimeout: .milliseconds(400))
        _ = try await client.selectCard()
        fixture.emulator.inject(.removeMidRead)
        await #expect { try await client.readCard() } throws: { ($0 as? ReaderError)?.category == .timeout }
        #expect(try await client.selectCard() == false)
        await link.close()
    }

    @Test func hostFrameErrorsAreAnsweredBySAMCodes() async throws {
        let fixture = try PTYFixture()
        // A request with a wrong checksum: the SAM answers 0x10.
        let raw = try SerialPort.open(path: fixture.linkPath, baudRate: .b115200)
        defer { raw.close() }
        var bad = SAMCommand.findCard.encoded
        bad[9] ^= 0x01
        try raw.write(bad, deadline: monotonicNanoseconds() + 1_000_000_000)
        var decoder = FrameDecoder()
        var response: SAMResponse?
        while response == nil {
            decoder.append(try raw.read(maximumCount: 64, deadline: monotonicNanoseconds() + 1_000_000_000))
            if case .frame(let body) = decoder.next() { response = SAMResponse(body: body) }
        }
        #expect(response?.status == .checksumError)
    }

    @Test func unplugIsADeviceErrorAndTheLinkComesBack() async throws {
        let fixture = try PTYFixture(card: SampleCards.hkmo)
        let link = try await fixture.open()
        let client = SAMClient(transport: link)
        #expect(try await client.status() == .success)
        fixture.host.unplug()
        await #expect { try await client.status() } throws: { ($0 as? ReaderError)?.category == .device }
        await link.close()
        await #expect { try await fixture.open() } throws: { ($0 as? ReaderError)?.serialError?.errno == ENOENT }
        try fixture.host.replug()
        let again = try await fixture.open()
        let reopened = SAMClient(transport: again)
        #expect(try await reopened.status() == .success)
        #expect(try await reopened.findCard())
        await again.close()
    }

    @Test func lineSpeedPacesTheReadAnswer() async throws {
        let fixture = try PTYFixture(card: SampleCards.resident, lineSpeed: true)
        let link = try await fixture.open()
        let client = SAMClient(transport: link)
        _ = try await client.selectCard()
        let start = ContinuousClock.now
        _ = try await client.readCard()
        // 10 + 1295 bytes at 115200 baud take 113 ms on a real line.
        #expect(ContinuousClock.now - start >= BaudRate.b115200.lineTime(bytes: 1305))
        await link.close()
    }
}
