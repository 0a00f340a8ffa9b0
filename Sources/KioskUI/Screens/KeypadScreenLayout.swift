import KioskTerminal

/// The split used by every screen with an on-screen keypad: a left column for the prompt, fields and
/// action buttons, and the keypad on the right, both running from below the header to the row above
/// the (always blank) last row.
struct KeypadScreenLayout {
    /// Prompt, fields and buttons.
    var left: Rect
    /// The keypad.
    var right: Rect

    init(painter: ScreenPainter, top: Int) {
        let metrics = painter.context.metrics
        let bounds = painter.bounds
        let height = max(0, bounds.height - 1 - top)
        let keypadWidth = min(painter.keypadWidth, bounds.width / 2)
        right = Rect(x: bounds.width - metrics.margin - keypadWidth, y: top, width: keypadWidth, height: height)
        left = Rect(
            x: metrics.margin, y: top, width: max(0, right.minX - metrics.margin - 2 * metrics.gap), height: height)
    }
}
