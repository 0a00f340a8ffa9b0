import Testing

@testable import KioskTerminal

/// Spot checks of the generated width table and the grapheme-cluster rules.
@Suite struct DisplayWidthTests {
    @Test(
        arguments: [
            ("中", 2), ("A", 1), ("、", 2), ("。", 2), ("，", 2), ("（", 2), ("「", 2), ("１", 2), ("𠮷", 2), ("😀", 2),
            ("“", 1), ("”", 1), ("…", 1), ("—", 1), ("·", 1), ("①", 1), ("■", 1), ("→", 1), ("─", 1), ("é", 1),
            ("가", 2), ("ｱ", 1),
        ] as [(String, Int)]
    )
    func characterWidth(_ text: String, _ width: Int) throws {
        let character = try #require(text.first)
        #expect(character.displayWidth == width, "\(text)")
    }

    @Test(
        arguments: [
            (0x0301, 0), (0x200D, 0), (0xFE0F, 0), (0xFE0E, 0), (0x00AD, 0), (0x0007, 0), (0x1160, 0), (0x3099, 0),
            (0x4E2D, 2), (0x20BB7, 2), (0x1F600, 2), (0x3000, 2), (0xFF01, 2), (0x2460, 1), (0x0041, 1), (0x3400, 2),
            (0x2A6E0, 2),  // unassigned inside a CJK block: wide
        ] as [(UInt32, Int)]
    )
    func scalarWidth(_ value: UInt32, _ width: Int) throws {
        let scalar = try #require(Unicode.Scalar(value))
        #expect(DisplayWidth.of(scalar) == width, "U+\(String(value, radix: 16, uppercase: true))")
    }

    @Test func clusters() {
        #expect(Character("e\u{301}").displayWidth == 1)  // base + combining acute
        #expect(Character("\u{2764}\u{FE0F}").displayWidth == 2)  // ❤ (text by default) + VS16
        #expect(Character("\u{2764}").displayWidth == 1)
        #expect(Character("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}").displayWidth == 2)  // ZWJ family, clamped
        #expect(Character("\u{1F1E8}\u{1F1F3}").displayWidth == 1)  // regional indicators: N, not pictographic
        #expect(Character("1\u{FE0F}\u{20E3}").displayWidth == 1)  // keycap: the base is not pictographic
        #expect(Character("\u{1F44D}\u{1F3FD}").displayWidth == 2)  // emoji + skin tone modifier
    }

    @Test func strings() {
        #expect("身份证号码".displayWidth == 10)
        #expect("请刷卡 Please".displayWidth == 13)
        #expect("“通知”".displayWidth == 6)
        #expect("中文abc".prefix(displayWidth: 3) == "中")
        #expect("中文abc".prefix(displayWidth: 5) == "中文a")
        #expect("".displayWidth == 0)
    }

    @Test func ambiguousCharactersAreFlagged() {
        for text in ["“", "”", "…", "—", "·", "①", "■", "○", "→", "★", "※", "─", "×"] {
            #expect(DisplayWidth.isAmbiguous(text.unicodeScalars.first!), "\(text)")
        }
        for text in ["「", "」", "《", "》", "、", "。", "，", "：", "！", "？", "（", "）", "～", "中", "A", "1"] {
            #expect(!DisplayWidth.isAmbiguous(text.unicodeScalars.first!), "\(text)")
        }
    }

    @Test func tableIsSortedAndNonOverlapping() {
        let ranges = WidthTable.ranges
        #expect(!ranges.isEmpty)
        for (previous, next) in zip(ranges, ranges.dropFirst()) {
            #expect(previous.first <= previous.last && previous.last < next.first)
        }
        #expect(ranges.allSatisfy { $0.width == 0 || $0.width == 2 })
        #expect(DisplayWidth.unicodeVersion == "15.0.0")
    }
}
