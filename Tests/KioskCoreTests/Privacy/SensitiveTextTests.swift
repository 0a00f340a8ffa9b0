import KioskCore
import Testing

/// The wipeable storage of a card holder's name, address and number (rule R5).
@Suite struct SensitiveTextTests {
    @Test("a wiped identity shares zeros with every copy; masked views stay")
    func wipeClearsEveryCopy() {
        let identity = Identity(
            kind: .residentIDCard, name: " 李建国 ", sex: .male, nation: nil, birthDate: nil,
            address: "广东省广州市天河区示例大道100号", number: "44010619870315001x", issuingAuthority: nil, validity: nil,
            photo: CardPhoto(bytes: [1, 2, 3]))
        let copy = identity
        #expect(copy.name == "李建国" && copy.number.text == "44010619870315001X")
        identity.wipe()
        #expect(copy.isWiped)
        #expect(!copy.name.contains("李") && !copy.number.text.contains("4401") && copy.address?.contains("广东") != true)
        #expect(copy.maskedName == "李*国" && copy.maskedNumber == "440***********001X")
        #expect(copy.maskedAddress == "广东省广州市天河区****")
    }

    @Test(
        "decoding a card field straight into bytes cleans like DisplayText and trimming",
        arguments: ["李建国", "吴\u{20BB7}", " 买买提·艾力 ", "A\u{1B}[2JB", "x\u{202E}y\u{2028}z", ""])
    func cleaningMatchesTheStringPath(text: String) {
        var block = [UInt8](repeating: 0, count: 30)
        for index in stride(from: 0, to: 30, by: 2) { block[index] = 0x20 }
        for (index, unit) in text.utf16.prefix(15).enumerated() {
            block[2 * index] = UInt8(unit & 0xFF)
            block[2 * index + 1] = UInt8(unit >> 8)
        }
        let cleaned = SensitiveText(cleaningUTF16LE: block, range: 0..<30)
        #expect(cleaned.string == String(DisplayText.sanitized(text).trimmingWhitespace()))
    }
}
