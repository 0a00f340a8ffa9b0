import Testing

@testable import KioskTerminal

/// Lockdown: text from card readers or imported data can never smuggle a control sequence to the
/// terminal, because control characters occupy no cell and are never drawn.
@Suite struct ControlCharacterTests {
    @Test(arguments: [
        "\u{1B}[2J\u{1B}]0;pwned\u{07}办件",  // CSI clear screen, OSC title with BEL
        "名\u{9B}31m称",  // C1 CSI
        "\u{1B}P1$r\u{1B}\\事项",  // DCS
        "行\r\n换\u{08}\u{7F}",  // CR, LF, BS, DEL
    ])
    func controlCharactersNeverReachTheTerminal(text: String) {
        var buffer = CellBuffer(size: Size(width: 40, height: 3))
        buffer.withCanvas { canvas in _ = canvas.text(text, at: Point(x: 0, y: 1)) }
        var renderer = Renderer()
        var output: [UInt8] = []
        renderer.render(buffer, into: &output)
        let drawn = String(decoding: output, as: UTF8.self)
        // No BEL, DEL or C1 control from the text; printable remnants such as "[2J" are inert text.
        for forbidden in ["\u{07}", "\u{7F}", "\u{9B}"] {
            #expect(!drawn.contains(forbidden), "\(forbidden.debugDescription) reached the terminal")
        }
        // Every ESC is the renderer's own CSI (cursor movement, SGR, mode set/reset), never OSC/DCS.
        var index = output.startIndex
        while let escape = output[index...].firstIndex(of: 0x1B) {
            let next = output.index(after: escape)
            #expect(next < output.endIndex && output[next] == UInt8(ascii: "["), "ESC not followed by [")
            var end = output.index(after: next)
            while end < output.endIndex, "0123456789;?".utf8.contains(output[end]) { end += 1 }
            #expect(end < output.endIndex && "HmJKABCDGfhl".utf8.contains(output[end]), "unexpected CSI final")
            index = min(end + 1, output.endIndex)
        }
        let visible = text.unicodeScalars.filter { $0.properties.generalCategory != .control }
        let cjk = visible.filter { $0.value >= 0x4E00 && $0.value <= 0x9FFF }
        for scalar in cjk { #expect(drawn.unicodeScalars.contains(scalar)) }
    }
}
