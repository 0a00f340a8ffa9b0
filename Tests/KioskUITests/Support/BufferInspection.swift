import KioskTerminal
import KioskUI

/// Reading a rendered buffer back as text, and checking the wide-glyph invariants.
extension CellBuffer {
    /// Row `y` as text (continuation cells skipped, so a wide glyph appears once).
    func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<size.width where !self[x, y].isContinuation {
            text.append(self[x, y].grapheme)
        }
        return text
    }

    /// All rows joined with newlines.
    var text: String { (0..<size.height).map(line).joined(separator: "\n") }

    /// Whether any row contains `needle`.
    func contains(_ needle: String) -> Bool {
        (0..<size.height).contains { line($0).contains(needle) }
    }

    /// The column where `needle` starts on row `y`, counting display columns.
    func column(of needle: String, row y: Int) -> Int? {
        let chars = Array(needle)
        for x in 0..<size.width {
            var cx = x
            var matched = true
            for character in chars {
                guard cx < size.width, self[cx, y].grapheme == character, !self[cx, y].isContinuation else {
                    matched = false
                    break
                }
                cx += max(1, Int(self[cx, y].width))
            }
            if matched { return x }
        }
        return nil
    }

    /// Violations of the wide-glyph rules: a wide leader in the last column, a leader without its
    /// continuation, or a continuation without its leader.
    var wideGlyphViolations: [String] {
        var problems: [String] = []
        for y in 0..<size.height {
            for x in 0..<size.width {
                let cell = self[x, y]
                if cell.width == 2 {
                    if x == size.width - 1 {
                        problems.append("wide glyph \(cell.grapheme) straddles the edge at \(x),\(y)")
                    } else if !self[x + 1, y].isContinuation {
                        problems.append("leader without continuation at \(x),\(y)")
                    }
                } else if cell.width == 0 {
                    if x == 0 || self[x - 1, y].width != 2 { problems.append("orphan continuation at \(x),\(y)") }
                }
            }
        }
        return problems
    }
}

/// Rendering helpers.
enum Render {
    /// A painter over a fresh canvas.
    static func painter(
        size: Size, language: UILanguage = .simplifiedChinese, theme: Theme = .standard, elder: Bool = false,
        focus: Int? = nil
    ) -> ScreenPainter {
        let context = RenderContext(
            strings: Fixtures.strings, language: language, theme: theme,
            metrics: .resolve(elder: elder, width: size.width, height: size.height))
        return ScreenPainter(size: size, context: context, focusIndex: focus)
    }

    /// Pairs of controls whose frames overlap.
    static func overlaps(_ controls: [Control]) -> [(Control, Control)] {
        var result: [(Control, Control)] = []
        for i in controls.indices {
            for j in controls.indices where j > i {
                if !controls[i].frame.intersection(controls[j].frame).isEmpty {
                    result.append((controls[i], controls[j]))
                }
            }
        }
        return result
    }
}
