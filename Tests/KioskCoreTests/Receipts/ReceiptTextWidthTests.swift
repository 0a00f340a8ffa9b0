import Testing

@testable import KioskCore

@Suite struct ReceiptTextWidthTests {
    @Test(arguments: [
        ("A", 1), ("中", 2), ("，", 2), ("Ａ", 2), ("·", 2), ("□", 2), ("𠮷", 2), ("é", 1), ("e\u{301}", 1),
        ("\u{200B}", 0),
    ])
    func characterWidths(text: String, width: Int) {
        #expect(ReceiptTextWidth.columns(of: text) == width)
    }

    @Test func cjkLinesHoldSixteenCharactersOn58mm() {
        let lines = ReceiptLineWrapper.wrap(String(repeating: "政务", count: 20), columns: 32)
        #expect(lines.count == 3)
        #expect(lines[0].count == 16 && lines[1].count == 16 && lines[2].count == 8)
        #expect(lines.allSatisfy { ReceiptTextWidth.columns(of: $0) <= 32 })
    }

    @Test func aWideCharacterNeverStraddlesTheEdge() {
        let lines = ReceiptLineWrapper.wrap("A" + String(repeating: "中", count: 16), columns: 32)
        #expect(lines == ["A" + String(repeating: "中", count: 15), "中"])
    }

    @Test func asciiWordsMoveWhole() {
        let lines = ReceiptLineWrapper.wrap("办件编号：BJ2026-000123456", columns: 20)
        #expect(lines == ["办件编号：", "BJ2026-000123456"])
    }

    @Test func hangingIndentAndExplicitNewlines() {
        let lines = ReceiptLayout.lines(ofField: "受理部门", value: "市人力资源和社会保障局社会保险服务中心", columns: 32)
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix(String(repeating: " ", count: 10)))
        #expect(ReceiptLineWrapper.wrap("a\nb", columns: 10) == ["a", "b"])
    }

    @Test func nothingIsDropped() {
        let text = "城乡居民基本养老保险 pension 𠮷 ABC-123"
        let joined = ReceiptLineWrapper.wrap(text, columns: 7).joined()
        #expect(joined.filter { $0 != " " } == text.filter { $0 != " " })
    }
}
