import KioskTestSupport
import Testing

@testable import KioskTerminal

/// The wide-glyph invariants, last-column padding and clipping of ``CellBuffer`` and ``Canvas``.
@Suite struct CellBufferTests {
    /// The buffer's rows as text, continuation cells shown as `>`.
    static func rows(_ buffer: CellBuffer) -> [String] {
        (0..<buffer.size.height).map { y in
            String((0..<buffer.size.width).map { x in buffer[x, y].isContinuation ? ">" : buffer[x, y].grapheme })
        }
    }

    /// Every wide leader is followed by a continuation and every continuation follows a leader.
    static func checkInvariants(_ buffer: CellBuffer) {
        for y in 0..<buffer.size.height {
            for x in 0..<buffer.size.width {
                let cell = buffer[x, y]
                if cell.width == 2 {
                    #expect(x + 1 < buffer.size.width && buffer[x + 1, y].isContinuation, "leader at (\(x),\(y))")
                }
                if cell.isContinuation {
                    #expect(x > 0 && buffer[x - 1, y].width == 2, "orphan continuation at (\(x),\(y))")
                }
            }
        }
    }

    @Test func wideGlyphOwnsItsContinuationCell() {
        var buffer = CellBuffer(size: Size(width: 6, height: 1))
        buffer.withCanvas { $0.text("中a文", at: .zero) }
        #expect(Self.rows(buffer) == ["中>a文> "])
        #expect(buffer[0, 0].width == 2 && buffer[1, 0].width == 0 && buffer[2, 0].width == 1)
        Self.checkInvariants(buffer)
    }

    /// `中文` drawn, then `glyph` put at column `x` of a row `width` wide: a wide glyph whose
    /// half is overwritten is blanked whole.
    @Test(
        "writing into either half of a wide glyph blanks both halves",
        arguments: [
            (width: 4, x: 1, glyph: Character("x"), row: " x文>"),  // into the right half of 中
            (width: 4, x: 2, glyph: "y", row: "中>y "),  // into the left half of 文
            (width: 5, x: 1, glyph: "字", row: " 字>  "),  // a wide glyph over both: the old ones break
        ])
    func writingIntoHalfOfAWideGlyph(width: Int, x: Int, glyph: Character, row: String) {
        var buffer = CellBuffer(size: Size(width: width, height: 1))
        buffer.withCanvas { canvas in
            canvas.text("中文", at: .zero)
            canvas.put(glyph, at: Point(x: x, y: 0))
        }
        #expect(Self.rows(buffer) == [row])
        Self.checkInvariants(buffer)
    }

    @Test func wideGlyphNeverStartsInTheLastColumn() {
        var buffer = CellBuffer(size: Size(width: 5, height: 1))
        let used = buffer.withCanvas { $0.text("ab中文", at: .zero) }
        #expect(Self.rows(buffer) == ["ab中> "])
        #expect(used == 5)
        Self.checkInvariants(buffer)
    }

    @Test func drawingIsClippedToTheCanvas() {
        var buffer = CellBuffer(size: Size(width: 8, height: 3))
        buffer.withCanvas { canvas in
            canvas.fill(with: ".", style: .plain)
            canvas.withClip(Rect(x: 2, y: 1, width: 3, height: 1)) { inner in
                #expect(inner.size == Size(width: 3, height: 1))
                inner.text("中文字", at: .zero)  // 中 fits, 文 straddles the clip edge
                inner.text("zz", at: Point(x: 0, y: 1))  // below the clip: nothing
                inner.text("q", at: Point(x: -1, y: 0))  // left of the clip: nothing
            }
        }
        #expect(Self.rows(buffer) == ["........", "..中> ...", "........"])
        Self.checkInvariants(buffer)
    }

    @Test func wideGlyphCutByTheLeftClipEdgeLeavesASpace() {
        var buffer = CellBuffer(size: Size(width: 6, height: 1))
        buffer.withCanvas { canvas in
            canvas.fill(with: ".", style: .plain)
            canvas.withClip(Rect(x: 2, y: 0, width: 3, height: 1)) { inner in
                inner.text("中a", at: Point(x: -1, y: 0))
            }
        }
        #expect(Self.rows(buffer) == [".. a.."])
        Self.checkInvariants(buffer)
    }

    @Test func nestedClipsIntersect() {
        var buffer = CellBuffer(size: Size(width: 6, height: 2))
        buffer.withCanvas(clip: Rect(x: 1, y: 0, width: 4, height: 2)) { outer in
            outer.withClip(Rect(x: 2, y: 1, width: 10, height: 5)) { inner in
                inner.fill(with: "#", style: .plain)
                #expect(inner[Point(x: 0, y: 0)]?.grapheme == "#")
                #expect(inner[Point(x: 2, y: 0)] == nil)
            }
        }
        #expect(Self.rows(buffer) == ["      ", "   ## "])
    }

    @Test func fillAndStyles() {
        var buffer = CellBuffer(size: Size(width: 3, height: 1))
        let style = Style(foreground: .black, background: .brightWhite, attributes: [.bold, .underline])
        buffer.withCanvas { $0.fill(Rect(x: 1, y: 0, width: 2, height: 1), style: style) }
        #expect(buffer[0, 0].style == .plain)
        #expect(buffer[1, 0].background == .brightWhite && buffer[2, 0].attributes == [.bold, .underline])
    }

    @Test func zeroWidthClustersDrawNothing() {
        var buffer = CellBuffer(size: Size(width: 3, height: 1))
        let used = buffer.withCanvas { $0.text("a\u{7}\u{200B}b", at: .zero) }
        #expect(Self.rows(buffer) == ["ab "])
        #expect(used == 2)
    }

    @Test func randomDrawingKeepsTheInvariants() {
        var random = SeededGenerator(seed: 42)
        let glyphs: [Character] = ["a", "中", "文", " ", "😀", "①", "e\u{301}", "。"]
        var buffer = CellBuffer(size: Size(width: 9, height: 3))
        for _ in 0..<5_000 {
            let rect = Rect(
                x: Int.random(in: -2...8, using: &random),
                y: Int.random(in: -1...2, using: &random),
                width: Int.random(in: 0...6, using: &random),
                height: Int.random(in: 0...3, using: &random)
            )
            let text = String(
                (0..<Int.random(in: 0...5, using: &random)).map { _ in glyphs.randomElement(using: &random)! }
            )
            let point = Point(x: Int.random(in: -2...6, using: &random), y: Int.random(in: -1...3, using: &random))
            buffer.withCanvas { canvas in
                canvas.withClip(rect) { $0.text(text, at: point) }
            }
        }
        Self.checkInvariants(buffer)
    }

    /// ``Canvas/text(_:at:style:)`` has a fast path for scalars that are clusters on their own; it must draw exactly
    /// what drawing cluster by cluster draws.
    @Test func textFastPathMatchesClusterByClusterDrawing() {
        var random = SeededGenerator(seed: 7)
        let pieces = [
            "中", "a", "\u{301}", "。", "\u{FE0F}", "❤", "😀", "\u{200D}", "1", "\u{20E3}", "\u{1100}",
            "\u{1161}", "가", "\r", "\n", "\u{302A}", "ｱ", "\u{FF9E}", "🇨", "🇳", " ", "，",
        ]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...10, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined()
            let x = Int.random(in: -2...3, using: &random)
            var fast = CellBuffer(size: Size(width: 12, height: 1))
            let fastWidth = fast.withCanvas { $0.text(text, at: Point(x: x, y: 0)) }
            var slow = CellBuffer(size: Size(width: 12, height: 1))
            var pen = x
            slow.withCanvas { canvas in
                for character in text where pen < 12 { pen += canvas.put(character, at: Point(x: pen, y: 0)) }
            }
            #expect(fast == slow, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(fastWidth == min(pen, max(12, x)) - x)
        }
    }
}
