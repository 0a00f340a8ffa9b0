import Testing

@testable import KioskCore

@Suite struct DisplayTextTests {
    @Test func removesEscapeSequencesAndControls() {
        let hostile = "张\u{1B}[2J\u{1B}]0;pwned\u{07}三\u{7F}\u{9B}31m\u{85}\u{0}\r\n\t"
        let clean = DisplayText.sanitized(hostile)
        #expect(clean == "张[2J]0;pwned三31m")
        #expect(!clean.unicodeScalars.contains { DisplayText.isForbidden($0) })
    }

    @Test func removesBidiOverrides() {
        #expect(DisplayText.sanitized("a\u{202E}b\u{2066}c\u{200E}d\u{200F}e\u{061C}f") == "abcdef")
    }

    @Test func keepsCJKAndAstralCharacters() {
        #expect(DisplayText.sanitized("吴\u{20BB7} SMITH-JOHN·李") == "吴\u{20BB7} SMITH-JOHN·李")
    }

    /// Invisible characters that would make two equal-looking names differ in the database.
    @Test(
        arguments: [(String, String)]([
            ("张\u{200B}三", "张三"),  // zero-width space
            ("张\u{200C}三", "张三"),  // zero-width non-joiner
            ("张\u{200D}三", "张三"),  // zero-width joiner
            ("\u{FEFF}张三", "张三"),  // byte-order mark
            ("张\u{2060}三", "张三"),  // word joiner
            ("张\u{2061}\u{2064}三", "张三"),  // invisible operators
            ("张\u{00AD}三", "张三"),  // soft hyphen
            ("张\u{180E}三", "张三"),  // Mongolian vowel separator
            ("张\u{FFF9}三\u{FFFB}", "张三"),  // interlinear annotation
            ("张\u{E0001}\u{E0041}三", "张三"),  // tag characters
        ]))
    func removesInvisibleFormatCharacters(hostile: String, expected: String) {
        let clean = DisplayText.sanitized(hostile)
        #expect(clean == expected)
        #expect(!clean.unicodeScalars.contains { DisplayText.isForbidden($0) })
    }

    @Test func removesNoncharacters() {
        var hostile = String.UnicodeScalarView()
        for value: UInt32 in [0x5F20, 0xFFFE, 0xFDD0, 0x4E09, 0x10FFFF] { hostile.append(Unicode.Scalar(value)!) }
        #expect(DisplayText.sanitized(String(hostile)) == "张三")
    }

    @Test func lineAndParagraphSeparatorsBecomeSpaces() {
        #expect(DisplayText.sanitized("SMITH\u{2028}JOHN") == "SMITH JOHN")
        #expect(DisplayText.sanitized("广州市\u{2029}天河区") == "广州市 天河区")
        #expect(DisplayText.isForbidden("\u{2028}"))
        #expect(DisplayText.isForbidden("\u{2029}"))
    }

    /// What names and addresses legitimately contain stays.
    @Test func keepsMiddleDotSpacesMarksAndPrivateUse() {
        let names = [
            "买买提·艾力",  // U+00B7, minority name
            "阿卜杜·热合曼\u{3000}江",  // ideographic space
            "e\u{0301}",  // combining acute
            "葛\u{E0100}",  // ideographic variation selector
            "\u{E000}明",  // private use (rare name characters)
            "\u{FFFD}",  // decoding failure
        ]
        for name in names { #expect(DisplayText.sanitized(name) == name) }
    }

    @Test func identityFieldsAreCleanAndTrimmed() {
        let identity = Identity(
            kind: .residentIDCard, name: "\u{FEFF}李\u{200B}建国\u{2028}", sex: .male, nation: nil,
            birthDate: nil, address: "广东省广州市\u{200D}天河区\u{2060}示例大道100号\u{2029}",
            number: "44010619870315001\u{200B}6", issuingAuthority: "广州市公安局\u{FEFF}", validity: nil,
            photo: CardPhoto(bytes: []))
        #expect(identity.name == "李建国")
        #expect(identity.address == "广东省广州市天河区示例大道100号")
        #expect(identity.number.text == "440106198703150016")
        #expect(identity.issuingAuthority == "广州市公安局")
    }
}
