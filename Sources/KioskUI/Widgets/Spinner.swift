import KioskTerminal

/// An activity indicator from characters of unambiguous width (ASCII), so it never overlaps its
/// neighbours on a CJK terminal.
package enum Spinner {
    /// The animation frames, one per tick.
    package static let frames: [String] = ["|", "/", "-", "\\"]

    /// The frame for tick `step`.
    package static func frame(_ step: Int) -> String {
        frames[((step % frames.count) + frames.count) % frames.count]
    }
}

extension ScreenPainter {
    /// Draws a spinner frame and a message centred on row `y` of `rect`, with a row of progress dots below.
    package mutating func busyIndicator(_ message: String, step: Int, in rect: Rect) {
        let theme = context.theme
        let y = rect.minY + rect.height / 2
        centredText(Spinner.frame(step) + "  " + message, in: rect, row: y, style: theme.title)
        let dots = String(repeating: "。", count: (step % 4) + 1)
        centredText(context.text(.commonWait) + dots, in: rect, row: y + 2, style: theme.hint)
    }
}
