import KioskTerminal
import KioskUI
import Testing

/// Buttons render exactly: background cells, centred label, focus brackets, shortcut prefix.
@Suite struct ButtonTests {
    @Test("a button fills its rect with its background and centres its label")
    func exactRendering() {
        var painter = Render.painter(size: Size(width: 80, height: 24))
        let frame = Rect(x: 10, y: 5, width: 16, height: 3)
        painter.button(ButtonSpec("无卡查询", action: .startNoCardQuery, shortcut: "1"), in: frame)
        let buffer = painter.canvas.buffer
        for y in 5..<8 {
            for x in 10..<26 {
                #expect(buffer[x, y].background == Theme.standard.button.background, "cell \(x),\(y)")
            }
        }
        #expect(buffer[9, 6].background == Theme.standard.body.background)
        #expect(buffer[26, 6].background == Theme.standard.body.background)
        // "1 无卡查询" is 10 columns; the inner width is 14 starting at 11, so it starts at 11 + 2 = 13.
        #expect(buffer.line(6).contains("1 无卡查询"))
        #expect(buffer.column(of: "1 无卡查询", row: 6) == 13)
        #expect(buffer.line(5).allSatisfy { $0 == " " })
        #expect(painter.controls == [Control(action: .startNoCardQuery, frame: frame, shortcut: "1")])
    }

    @Test("the focused button is bracketed with 「」 and bold, not only recoloured")
    func focusIsMoreThanColour() {
        var painter = Render.painter(size: Size(width: 80, height: 24), focus: 1)
        painter.button(ButtonSpec("返回", action: .back), in: Rect(x: 0, y: 0, width: 12, height: 3))
        painter.button(ButtonSpec("结束", action: .end), in: Rect(x: 20, y: 0, width: 12, height: 3))
        let buffer = painter.canvas.buffer
        #expect(!buffer.line(1).contains("「返回」"))
        #expect(buffer.line(1).contains("「结束」"))
        let x = buffer.column(of: "结束", row: 1)!
        #expect(buffer[x, 1].attributes.contains(.bold))
        #expect(!buffer[buffer.column(of: "返回", row: 1)!, 1].attributes.contains(.bold))
    }

    @Test("no box-drawing or block characters are used", arguments: Fixtures.sizes)
    func noBoxDrawing(size: Size) {
        var painter = Render.painter(size: size, focus: 0)
        painter.buttonRow(
            [ButtonSpec("查询办件", action: .back, shortcut: "1"), ButtonSpec("长辈模式", action: .toggleElderMode)],
            in: Rect(x: 2, y: 2, width: size.width - 4, height: 3))
        let buffer = painter.canvas.buffer
        for y in 0..<size.height {
            for x in 0..<size.width {
                let value = buffer[x, y].grapheme.unicodeScalars.first!.value
                #expect(!(0x2500...0x259F).contains(value))
            }
        }
    }

    @Test("button rows wrap instead of overlapping, and keep 3×10 targets", arguments: Fixtures.sizes)
    func rowsWrap(size: Size) {
        var painter = Render.painter(size: size)
        let specs = (1...9).map { ButtonSpec("按钮第\($0)个选项", action: .showPage($0), shortcut: Character(String($0))) }
        painter.buttonRow(specs, in: Rect(x: 2, y: 1, width: size.width - 4, height: size.height - 2))
        #expect(Render.overlaps(painter.controls).isEmpty)
        for control in painter.controls {
            #expect(control.frame.width >= 10 && control.frame.height >= 3, "\(control.frame)")
            #expect(control.frame.maxX <= size.width - 2)
        }
        #expect(painter.canvas.buffer.wideGlyphViolations.isEmpty)
    }

    @Test("a label too long for its button is cut at a glyph boundary, never straddling the edge")
    func longLabelClipped() {
        var painter = Render.painter(size: Size(width: 80, height: 24))
        painter.button(ButtonSpec("非常非常长的按钮标签文字", action: .back), in: Rect(x: 67, y: 0, width: 13, height: 3))
        let buffer = painter.canvas.buffer
        #expect(buffer.wideGlyphViolations.isEmpty)
        #expect(buffer[79, 1].width != 2)
    }
}
