import KioskTerminal
import KioskUI
import Testing

/// Keypad entry: fields, the on-screen keys and secrets shown as `*`.
@Suite struct KeypadTests {
    @Test("phone fields take digits only, up to their length")
    func digitsOnly() {
        var entry = TextEntry(kind: .digits, maxLength: 11)
        for character in "138a1234-5678999" { entry.insert(character) }
        #expect(entry.text == "13812345678")
        entry.deleteBackward()
        #expect(entry.text == "1381234567")
        entry.clear()
        #expect(entry.text.isEmpty)
    }

    @Test("办件编号 fields take letters (upper-cased), digits and dashes; others are refused")
    func alphanumeric() {
        var entry = TextEntry(kind: .alphanumeric, maxLength: 50)
        for character in "bj-2026中01 X" { entry.insert(character) }
        #expect(entry.text == "BJ-202601X")
    }

    @Test("passwords are shown as ASCII stars, never ●")
    func secret() {
        let entry = TextEntry(kind: .secret, maxLength: 16, text: "2468")
        #expect(entry.displayText == "****")
        var painter = Render.painter(size: Size(width: 80, height: 24))
        painter.entryField(
            label: "查询密码", entry: entry, focused: true, action: nil, in: Rect(x: 0, y: 0, width: 30, height: 4))
        let text = painter.canvas.buffer.text
        #expect(text.contains("****_"))
        #expect(!text.contains("2468"))
        #expect(!text.contains("●"))
    }

    @Test("the digit keypad is a 3×4 grid of non-overlapping keys that type their digit", arguments: Fixtures.sizes)
    func digitGrid(size: Size) {
        var painter = Render.painter(size: size)
        let rect = Rect(x: size.width - 36, y: 2, width: 34, height: size.height - 4)
        painter.keypad(for: TextEntry(kind: .digits, maxLength: 11), in: rect)
        let controls = painter.controls
        #expect(controls.count == 12)
        #expect(Render.overlaps(controls).isEmpty)
        #expect(controls.allSatisfy { rect.intersection($0.frame) == $0.frame })
        #expect(controls.allSatisfy { $0.frame.width >= 10 && $0.frame.height >= 3 })
        #expect(controls[0].action == .keypad(.character("1")))
        #expect(controls[10].action == .keypad(.character("0")))
        #expect(controls[9].action == .keypad(.delete))
        #expect(painter.canvas.buffer.wideGlyphViolations.isEmpty)
    }

    @Test("the letter page offers A–Z and the dash without overlaps")
    func letterGrid() {
        var painter = Render.painter(size: Size(width: 80, height: 24))
        var entry = TextEntry(kind: .alphanumeric, maxLength: 50)
        entry.showsLetters = true
        painter.keypad(for: entry, in: Rect(x: 44, y: 2, width: 34, height: 21))
        let typed = painter.controls.compactMap { control -> Character? in
            if case .keypad(.character(let c)) = control.action { return c }
            return nil
        }
        #expect(String(typed) == "ABCDEFGHIJKLMNOPQRSTUVWXYZ-")
        #expect(Render.overlaps(painter.controls).isEmpty)
    }
}
