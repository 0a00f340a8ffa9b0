import Testing

@testable import KioskDevices

@Suite struct FrameCodecTests {
    /// Every request of the reference's §2 table, byte for byte.
    @Test(arguments: [
        (SAMCommand.reset, "AA AA AA 96 69 00 03 10 FF EC"),
        (.status, "AA AA AA 96 69 00 03 11 FF ED"),
        (.samID, "AA AA AA 96 69 00 03 12 FF EE"),
        (.findCard, "AA AA AA 96 69 00 03 20 01 22"),
        (.selectCard, "AA AA AA 96 69 00 03 20 02 21"),
        (.readText, "AA AA AA 96 69 00 03 30 01 32"),
        (.readTextWithFingerprint, "AA AA AA 96 69 00 03 30 10 23"),
        (.readAdditionalAddress, "AA AA AA 96 69 00 03 30 03 30"),
        (.setBaudRate(.b115200), "AA AA AA 96 69 00 03 60 00 63"),
        (.setBaudRate(.b9600), "AA AA AA 96 69 00 03 60 04 67"),
        (.setMaximumRFFrame(0x50), "AA AA AA 96 69 00 04 61 FF 50 CA"),
    ])
    func requestsAreEncodedExactly(_ command: SAMCommand, _ expected: String) {
        #expect(command.encoded == bytes(expected))
    }

    /// §9(c): each error answer's checksum, decoded to its typed status.
    @Test(
        arguments: [
            (0x10, 0x14, SAMStatus.checksumError), (0x11, 0x15, .lengthError), (0x21, 0x25, .commandError),
            (0x23, 0x27, .unauthorisedOperation), (0x24, 0x20, .unrecognisedError), (0x31, 0x35, .cardRejectedSAM),
            (0x32, 0x36, .samRejectedCard), (0x33, 0x37, .verificationError), (0x40, 0x44, .wrongCard),
            (0x41, 0x45, .readFailed), (0x47, 0x43, .randomFailed), (0x60, 0x64, .selfTestFailed),
            (0x66, 0x62, .samNotAuthorised), (0x80, 0x84, .noCard), (0x81, 0x85, .selectFailed),
            (0x90, 0x94, .success), (0x91, 0x95, .emptyItem),
        ] as [(UInt8, UInt8, SAMStatus)])
    func statusAnswersDecode(_ sw3: UInt8, _ checksum: UInt8, _ status: SAMStatus) throws {
        let frame = [0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x04, 0x00, 0x00, sw3, checksum] as [UInt8]
        var decoder = FrameDecoder()
        decoder.append(frame)
        let next = decoder.next()
        let output = try #require(next)
        guard case .frame(let body) = output else {
            Issue.record("expected a frame, got \(output)")
            return
        }
        let response = try #require(SAMResponse(body: body))
        #expect(response.status == status)
        #expect(response.encoded == frame)
    }

    @Test func unknownStatusKeepsItsNumber() {
        #expect(SAMStatus(code: 0x35) == .unknown(0x35))
        #expect(SAMStatus(code: 0x35).code == 0x35)
        for code in SAMStatus.knownCodes { #expect(SAMStatus(code: code).code == code) }
    }

    @Test func findSelectAndSAMIDAnswers() throws {
        let vectors: [(String, SAMStatus, Int)] = [
            ("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97", .cardFound, 4),
            ("AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C", .success, 8),
            ("AA AA AA 96 69 00 14 00 00 90 05 00 01 00 55 77 33 01 4E 61 BC 00 D2 02 96 49 0C", .success, 16),
        ]
        for (hexText, status, dataCount) in vectors {
            var decoder = FrameDecoder()
            decoder.append(bytes(hexText))
            let next = decoder.next()
            guard case .frame(let body) = try #require(next) else {
                Issue.record("no frame in \(hexText)")
                continue
            }
            let response = try #require(SAMResponse(body: body))
            #expect(response.status == status)
            #expect(response.data.count == dataCount)
        }
        let samID = SAMClient.formatSAMID(bytes("05 00 01 00 55 77 33 01 4E 61 BC 00 D2 02 96 49"))
        #expect(samID == "05.01-20150101-0012345678-1234567890")
    }

    @Test func resynchronisesAfterGarbageAndPartialPreambles() throws {
        var decoder = FrameDecoder()
        decoder.append(bytes("00 13 AA AA 96 AA AA AA 96 AA AA AA 96 69 00 04 00 00 80 84"))
        #expect(decoder.next() == .frame(body: [0x00, 0x00, 0x80]))
        #expect(decoder.next() == nil)
    }

    @Test func byteByByteFeedingYieldsTheSameFrame() {
        let frame = SAMResponse(status: .cardFound, data: [0, 0, 0, 0]).encoded
        var decoder = FrameDecoder()
        var outputs: [FrameDecoder.Output] = []
        for byte in frame {
            decoder.append([byte])
            while let output = decoder.next() { outputs.append(output) }
        }
        #expect(outputs == [.frame(body: [0x00, 0x00, 0x9F, 0, 0, 0, 0])])
    }

    @Test func badChecksumIsRejectedAndTheNextFrameFound() {
        var decoder = FrameDecoder()
        decoder.append(bytes("AA AA AA 96 69 00 04 00 00 80 85 AA AA AA 96 69 00 04 00 00 90 94"))
        #expect(decoder.next() == .badChecksum)
        #expect(decoder.next() == .frame(body: [0x00, 0x00, 0x90]))
    }

    @Test func lengthsBeyondTheLargestFrameAreRejected() {
        var decoder = FrameDecoder()
        // Len 0x0913 = 2323 → 2330 bytes in all, beyond the 2321 maximum.
        decoder.append(bytes("AA AA AA 96 69 09 13 00 00 90"))
        #expect(decoder.next() == .badLength(0x0913))
        var tooShort = FrameDecoder()
        tooShort.append(bytes("AA AA AA 96 69 00 02 00 02"))
        #expect(tooShort.next() == .badLength(2))
    }

    @Test func theLargestLegalFrameIsAccepted() {
        // 30 10 with a 1024-byte fingerprint: Len 0x090A, 2321 bytes.
        let data: [UInt8] = [0x01, 0x00, 0x04, 0x00, 0x04, 0x00] + [UInt8](repeating: 0x33, count: 256 + 1024 + 1024)
        let frame = SAMResponse(status: .success, data: data).encoded
        #expect(frame.count == SAMFrame.maximumFrameSize)
        #expect(Array(frame[5...6]) == [0x09, 0x0A])
        var decoder = FrameDecoder()
        decoder.append(frame)
        guard case .frame(let body) = decoder.next() else {
            Issue.record("largest frame rejected")
            return
        }
        #expect(body.count == 2313)
    }

    @Test func requestDecoderAcceptsThreeByteLength() {
        var decoder = FrameDecoder(minimumLength: 3)
        decoder.append(SAMCommand.findCard.encoded)
        #expect(decoder.next() == .frame(body: [0x20, 0x01]))
    }
}
