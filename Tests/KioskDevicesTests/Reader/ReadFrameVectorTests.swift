import KioskCore
import Testing

@testable import KioskDevices

/// The reference's §9(b) read answer, rebuilt from its inputs and checked byte by byte.
@Suite struct ReadFrameVectorTests {
    /// 张三 with the inconsistent sex/birth of the reference example.
    static let zhangSan: CardRecord = {
        var card = CardRecord(
            kind: .residentIDCard, name: "张三", sexCode: "1", birthDate: "19900101", number: "11010519491231002X",
            validFrom: "20150101", validUntil: "20350101", photo: [UInt8](repeating: 0, count: 1024))
        card.nationCode = "01"
        card.address = "北京市朝阳区示例路88号"
        card.issuingAuthority = "北京市公安局朝阳分局"
        return card
    }()

    static let textDump = """
        20 5F 09 4E 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 31 00 \
        30 00 31 00 31 00 39 00 39 00 30 00 30 00 31 00 30 00 31 00 17 53 AC 4E 02 5E 1D 67 33 96 3A 53 \
        3A 79 8B 4F EF 8D 38 00 38 00 F7 53 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 \
        20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 31 00 31 00 30 00 \
        31 00 30 00 35 00 31 00 39 00 34 00 39 00 31 00 32 00 33 00 31 00 30 00 30 00 32 00 58 00 17 53 \
        AC 4E 02 5E 6C 51 89 5B 40 5C 1D 67 33 96 06 52 40 5C 20 00 20 00 20 00 20 00 20 00 32 00 30 00 \
        31 00 35 00 30 00 31 00 30 00 31 00 32 00 30 00 33 00 35 00 30 00 31 00 30 00 31 00 20 00 20 00 \
        20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00
        """

    @Test func textBlockMatchesTheDump() {
        #expect(CardTextBlock.encode(Self.zhangSan) == bytes(Self.textDump))
    }

    @Test func emulatorAnswerMatchesHeaderLengthAndChecksum() throws {
        let emulator = SAMEmulator(card: Self.zhangSan)
        _ = emulator.receive(SAMCommand.selectCard.encoded)
        let answer = try #require(emulator.receive(SAMCommand.readText.encoded).first).bytes
        #expect(answer.count == 1295)
        #expect(Array(answer.prefix(14)) == bytes("AA AA AA 96 69 05 08 00 00 90 01 00 04 00"))
        #expect(answer.last == 0x4A)
    }

    @Test func selfConsistentVariantChecksum() throws {
        var card = Self.zhangSan
        card.sexCode = "2"
        card.birthDate = "19491231"
        let text = CardTextBlock.encode(card)
        #expect(SAMFrame.xor(text) == 0xD4)
        let frame = SAMResponse(status: .success, data: [0x01, 0x00, 0x04, 0x00] + text + card.photo).encoded
        #expect(frame.last == 0x4C)
    }

    @Test func decodedExampleFlagsTheInconsistency() {
        let identity = CardTextBlock.identity(text: bytes(Self.textDump), photo: [UInt8](repeating: 0, count: 1024))
        #expect(identity.name == "张三")
        #expect(identity.sex == .male)
        #expect(identity.issues == [.birthDateMismatch, .sexMismatch])
    }
}
