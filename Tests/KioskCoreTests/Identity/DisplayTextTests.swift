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
        #expect(DisplayText.sanitized("a\u{202E}b\u{2066}c") == "abc")
    }

    @Test func keepsCJKAndAstralCharacters() {
        #expect(DisplayText.sanitized("吴\u{20BB7} SMITH-JOHN·李") == "吴\u{20BB7} SMITH-JOHN·李")
    }
}
