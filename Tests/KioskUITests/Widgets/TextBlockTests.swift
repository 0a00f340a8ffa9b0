import KioskTerminal
import KioskUI
import Testing

/// Wrapped text and label/value fields.
@Suite struct TextBlockTests {
    let text = "本机由政务服务中心运营。读卡时仅读取身份证上的姓名、证件号码和住址。"

    @Test("standard text is single-spaced and wraps inside its rect")
    func standard() {
        var painter = Render.painter(size: Size(width: 80, height: 24))
        let used = painter.paragraph(text, in: Rect(x: 3, y: 2, width: 20, height: 10), style: Theme.standard.body)
        let buffer = painter.canvas.buffer
        #expect(used == 4)
        #expect(buffer.line(2).contains("本机由政务服务中心运"))
        #expect(buffer.line(3).contains("营。读卡时仅读取身份"))
        for y in 2..<6 { #expect(buffer[2, y].grapheme == " " && buffer[23, y].grapheme == " ") }
        #expect(painter.paragraphHeight(text, width: 20) == used)
    }

    @Test("长辈模式 leaves a blank row between lines (line spacing 2)")
    func elderSpacing() {
        var painter = Render.painter(size: Size(width: 120, height: 40), elder: true)
        let used = painter.paragraph(text, in: Rect(x: 4, y: 2, width: 20, height: 20), style: Theme.standard.body)
        let buffer = painter.canvas.buffer
        #expect(used == 7)
        #expect(buffer.line(2).contains("本机由"))
        #expect(buffer.line(3).allSatisfy { $0 == " " })
        #expect(buffer.line(4).contains("营。读卡"))
        #expect(painter.paragraphHeight(text, width: 20) == used)
    }

    @Test("fields align values after the longest label")
    func fields() {
        var painter = Render.painter(size: Size(width: 80, height: 24))
        let used = painter.fields(
            [("收件人", "张*梅"), ("手机号码", "138****5678")], in: Rect(x: 2, y: 1, width: 60, height: 10),
            style: Theme.standard.body, labelStyle: Theme.standard.hint)
        let buffer = painter.canvas.buffer
        #expect(used == 2)
        #expect(buffer.column(of: "张*梅", row: 1) == buffer.column(of: "138****5678", row: 2))
        #expect(buffer.line(1).contains("收件人："))
    }
}
