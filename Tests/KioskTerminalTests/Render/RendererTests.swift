import Testing

@testable import KioskTerminal

/// The exact bytes the diff renderer writes for small frames.
@Suite struct RendererTests {
    static let fullRepaintPrefix = "\u{1B}[?25l\u{1B}[?7l\u{1B}[0m\u{1B}[2J"

    static func render(_ renderer: inout Renderer, _ buffer: CellBuffer) -> String {
        var output: [UInt8] = []
        renderer.render(buffer, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    static func buffer(_ size: Size, _ draw: (inout Canvas) -> Void) -> CellBuffer {
        var buffer = CellBuffer(size: size)
        buffer.withCanvas(draw)
        return buffer
    }

    @Test func firstFrameIsAFullRepaint() {
        var renderer = Renderer()
        let frame = Self.buffer(Size(width: 10, height: 5)) { $0.text("ab", at: .zero) }
        #expect(Self.render(&renderer, frame) == Self.fullRepaintPrefix + "\u{1B}[Hab")
    }

    @Test func unchangedFrameWritesZeroBytes() {
        var renderer = Renderer()
        let frame = Self.buffer(Size(width: 10, height: 5)) { $0.text("中文", at: Point(x: 3, y: 2)) }
        _ = Self.render(&renderer, frame)
        #expect(Self.render(&renderer, frame) == "")
        #expect(Self.render(&renderer, frame) == "")
    }

    @Test func oneChangedCellUsesTheShortestMove() {
        var renderer = Renderer()
        var frame = Self.buffer(Size(width: 10, height: 5)) { $0.text("ab", at: .zero) }
        _ = Self.render(&renderer, frame)
        frame.withCanvas { $0.put("x", at: Point(x: 5, y: 3)) }
        #expect(Self.render(&renderer, frame) == "\u{1B}[4;6Hx")  // CUP (6 bytes) beats LF×3 + CUF (7)
        frame.withCanvas { $0.put("y", at: Point(x: 6, y: 3)) }
        #expect(Self.render(&renderer, frame) == "y")  // the cursor is already there
        frame.withCanvas { $0.put("z", at: Point(x: 7, y: 4)) }
        #expect(Self.render(&renderer, frame) == "\nz")  // one LF: same column
    }

    @Test func shortGapsAreBridgedByReprinting() {
        var renderer = Renderer()
        var frame = Self.buffer(Size(width: 10, height: 2)) { $0.text("abcdef", at: .zero) }
        _ = Self.render(&renderer, frame)
        frame.withCanvas { canvas in
            canvas.put("X", at: .zero)
            canvas.put("Y", at: Point(x: 2, y: 0))
        }
        #expect(Self.render(&renderer, frame) == "\rXbY")
    }

    @Test func wideGlyphChange() {
        var renderer = Renderer()
        var frame = Self.buffer(Size(width: 10, height: 2)) { $0.text("中文", at: .zero) }
        #expect(Self.render(&renderer, frame) == Self.fullRepaintPrefix + "\u{1B}[H中文")
        frame.withCanvas { $0.put("字", at: Point(x: 2, y: 0)) }
        #expect(Self.render(&renderer, frame) == "\u{1B}[2D字")  // CUB 2 (4 bytes) beats CR + CUF 2 (5)
    }

    @Test func styleChangesAreMinimal() {
        var renderer = Renderer()
        var frame = Self.buffer(Size(width: 10, height: 2)) { $0.text("ab", at: .zero) }
        _ = Self.render(&renderer, frame)
        frame.withCanvas { $0.text("c", at: Point(x: 2, y: 0), style: Style(foreground: .red)) }
        #expect(Self.render(&renderer, frame) == "\u{1B}[31mc")
        frame.withCanvas { $0.text("d", at: Point(x: 3, y: 0), style: Style(foreground: .red, background: .blue)) }
        #expect(Self.render(&renderer, frame) == "\u{1B}[44md")
        frame.withCanvas { $0.text("e", at: Point(x: 4, y: 0), style: Style(foreground: .red, attributes: .bold)) }
        #expect(Self.render(&renderer, frame) == "\u{1B}[1;49me")
        frame.withCanvas { $0.text("f", at: Point(x: 5, y: 0)) }
        #expect(Self.render(&renderer, frame) == "\u{1B}[0mf")  // reset is shorter than 22;39
    }

    @Test func invalidateForcesAFullRepaint() {
        var renderer = Renderer()
        let frame = Self.buffer(Size(width: 4, height: 1)) { $0.text("ok", at: .zero) }
        _ = Self.render(&renderer, frame)
        renderer.invalidate()
        #expect(Self.render(&renderer, frame) == Self.fullRepaintPrefix + "\u{1B}[Hok")
        // A size change is a full repaint too.
        let bigger = Self.buffer(Size(width: 5, height: 1)) { $0.text("ok", at: .zero) }
        #expect(Self.render(&renderer, bigger) == Self.fullRepaintPrefix + "\u{1B}[Hok")
    }

    @Test func synchronizedOutputWrapsOnlyNonEmptyFrames() {
        var renderer = Renderer()
        renderer.synchronizedOutput = true
        var frame = Self.buffer(Size(width: 4, height: 1)) { $0.text("a", at: .zero) }
        _ = Self.render(&renderer, frame)
        #expect(Self.render(&renderer, frame) == "")
        frame.withCanvas { $0.put("b", at: Point(x: 1, y: 0)) }
        #expect(Self.render(&renderer, frame) == "\u{1B}[?2026hb\u{1B}[?2026l")
    }

    @Test func fullRepaintIsInsideTheSynchronizedUpdate() {
        var renderer = Renderer()
        renderer.synchronizedOutput = true
        let frame = Self.buffer(Size(width: 4, height: 1)) { $0.text("a", at: .zero) }
        #expect(Self.render(&renderer, frame) == "\u{1B}[?2026h" + Self.fullRepaintPrefix + "\u{1B}[Ha\u{1B}[?2026l")
    }

    @Test func bottomRightCellIsSkippedWhileAutowrapIsOn() {
        var renderer = Renderer()
        renderer.autowrapIsOff = false
        let frame = Self.buffer(Size(width: 3, height: 2)) { canvas in
            canvas.text("abc", at: .zero)
            canvas.text("def", at: Point(x: 0, y: 1))
        }
        #expect(Self.render(&renderer, frame) == Self.fullRepaintPrefix + "\u{1B}[Habc\r\nde")
    }

    @Test func fullScreenChangeCostsAboutTheGlyphBytes() {
        var renderer = Renderer()
        let size = Size(width: 20, height: 4)
        let first = Self.buffer(size) { canvas in
            for y in 0..<4 { canvas.text(String(repeating: "中", count: 10), at: Point(x: 0, y: y)) }
        }
        let second = Self.buffer(size) { canvas in
            for y in 0..<4 { canvas.text(String(repeating: "文", count: 10), at: Point(x: 0, y: y)) }
        }
        _ = Self.render(&renderer, first)
        let output = Self.render(&renderer, second)
        // 40 glyphs × 3 bytes, a CR LF... for each later row, and one move to the top-left.
        let rows = (0..<4).map { _ in String(repeating: "文", count: 10) }
        #expect(output == "\u{1B}[H" + rows.joined(separator: "\r\n"))
    }
}
