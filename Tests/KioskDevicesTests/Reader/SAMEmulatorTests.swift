import KioskCore
import Testing

@testable import KioskDevices

/// The emulator's protocol behaviour, in-process (no pty).
@Suite struct SAMEmulatorTests {
    /// Sends `command` and decodes the single answer.
    static func ask(_ emulator: SAMEmulator, _ command: SAMCommand) throws -> SAMResponse {
        let answers = emulator.receive(command.encoded)
        #expect(answers.count == 1)
        var decoder = FrameDecoder()
        decoder.append(try #require(answers.first).bytes)
        // Skip line noise (a fault may put a false preamble first), return the first good frame.
        while let output = decoder.next() {
            if case .frame(let body) = output, let response = SAMResponse(body: body) { return response }
        }
        throw ReaderError.malformed(command, "no good frame")
    }

    @Test func cardLifecycleFollowsTheRemovalRule() throws {
        let emulator = SAMEmulator()
        #expect(try Self.ask(emulator, .findCard).status == .noCard)
        #expect(try Self.ask(emulator, .selectCard).status == .selectFailed)
        emulator.place(SampleCards.young)
        #expect(try Self.ask(emulator, .findCard).status == .cardFound)
        #expect(try Self.ask(emulator, .readText).status == .readFailed)  // not selected yet
        #expect(try Self.ask(emulator, .selectCard).status == .success)
        #expect(try Self.ask(emulator, .readText).status == .success)
        // Read: find says "no card" while the card stays; select still works.
        #expect(try Self.ask(emulator, .findCard).status == .noCard)
        #expect(try Self.ask(emulator, .selectCard).status == .success)
        emulator.remove()
        #expect(try Self.ask(emulator, .selectCard).status == .selectFailed)
        emulator.place(SampleCards.young)
        #expect(try Self.ask(emulator, .findCard).status == .cardFound)
    }

    @Test func otherCommands() throws {
        let emulator = SAMEmulator(card: SampleCards.elder)
        #expect(try Self.ask(emulator, .status).status == .success)
        #expect(try Self.ask(emulator, .reset).status == .success)
        #expect(try Self.ask(emulator, .samID).data.count == 16)
        #expect(try Self.ask(emulator, .setBaudRate(.b9600)).status == .success)
        #expect(try Self.ask(emulator, .setMaximumRFFrame(0x50)).status == .success)
        #expect(try Self.ask(emulator, SAMCommand(command: 0x60, parameter: 0x07)).status == .commandError)
        #expect(try Self.ask(emulator, SAMCommand(command: 0x99, parameter: 0x01)).status == .commandError)
        _ = try Self.ask(emulator, .selectCard)
        #expect(try Self.ask(emulator, .readAdditionalAddress).status == .emptyItem)
        let withFingerprint = try Self.ask(emulator, .readTextWithFingerprint)
        #expect(withFingerprint.encoded.count == 1297)
        let identity = try SAMClient.decodeReadData(withFingerprint.data, command: .readTextWithFingerprint)
        #expect(identity.name == "张晓梅")
    }

    @Test func additionalAddressIsServed() throws {
        var card = SampleCards.resident
        card.additionalAddress = "广东省广州市海珠区新地址1号"
        let emulator = SAMEmulator(card: card)
        _ = try Self.ask(emulator, .selectCard)
        let answer = try Self.ask(emulator, .readAdditionalAddress)
        #expect(answer.status == .success)
        #expect(answer.encoded.count == 81)
    }

    @Test func badHostFramesGetChecksumAndLengthErrors() throws {
        let emulator = SAMEmulator()
        var bad = SAMCommand.findCard.encoded
        bad[bad.count - 1] ^= 0xFF
        let answers = emulator.receive(bad)
        #expect(answers.map(\.bytes) == [SAMResponse(status: .checksumError).encoded])
        let tooLong = emulator.receive([0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x0A, 0x00, 0x20])
        #expect(tooLong.map(\.bytes) == [SAMResponse(status: .lengthError).encoded])
    }

    @Test func faultsApplyOnce() throws {
        let emulator = SAMEmulator(card: SampleCards.resident)
        emulator.inject(.noAnswer(count: 2))
        #expect(emulator.receive(SAMCommand.status.encoded).isEmpty)
        #expect(emulator.receive(SAMCommand.status.encoded).isEmpty)
        #expect(try Self.ask(emulator, .status).status == .success)

        emulator.inject(.status(0x60))
        #expect(try Self.ask(emulator, .status).status == .selfTestFailed)

        emulator.inject(.badChecksum)
        var decoder = FrameDecoder()
        decoder.append(emulator.receive(SAMCommand.status.encoded)[0].bytes)
        #expect(decoder.next() == .badChecksum)

        emulator.inject(.garbageBeforeNextAnswer)
        #expect(try Self.ask(emulator, .status).status == .success)

        _ = try Self.ask(emulator, .selectCard)
        emulator.inject(.readFailure)
        let failed = try Self.ask(emulator, .readText)
        #expect(failed.status == .readFailed)
        #expect(try Self.ask(emulator, .findCard).status == .cardFound)  // not marked as read

        _ = try Self.ask(emulator, .selectCard)
        emulator.inject(.removeMidRead)
        let partial = emulator.receive(SAMCommand.readText.encoded)[0].bytes
        #expect(partial.count < 1295)
        #expect(emulator.card == nil)
    }

    @Test func scriptsParse() throws {
        let script = try EmulatorScript(
            parsing: """
                # demo
                place elder
                wait 0.5
                fault no-answer 2
                fault status 0x60
                remove   # gone
                unplug 1.5
                """)
        #expect(
            script.steps == [
                .place("elder"), .wait(.milliseconds(500)), .fault(.noAnswer(count: 2)), .fault(.status(0x60)), .remove,
                .unplug(.milliseconds(1500)),
            ])
        #expect(throws: EmulatorScript.ParseError.self) { try EmulatorScript(parsing: "place nobody") }
    }
}
