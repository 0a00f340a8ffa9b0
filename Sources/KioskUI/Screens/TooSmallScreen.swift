import KioskTerminal

/// What a grid smaller than ``LayoutMetrics/minimumSize`` shows instead of any screen: 「屏幕尺寸不足」,
/// the current and the needed size, and whom to tell. No controls, so nothing can be tapped by
/// mistake; a session still ends by card removal or the idle timeout.
enum TooSmallScreen {
    /// Draws the message, centred and clipped to whatever room there is.
    static func draw(into painter: inout ScreenPainter) {
        let context = painter.context
        let size = painter.bounds.size
        let needed = LayoutMetrics.minimumSize
        let lines = [
            context.text(.screenTooSmallTitle),
            context.text(
                .screenTooSmallBody,
                [
                    "width": String(size.width), "height": String(size.height),
                    "minWidth": String(needed.width), "minHeight": String(needed.height),
                ]),
            context.text(.screenTooSmallHint),
        ]
        let top = max(0, (size.height - lines.count) / 2)
        for (index, line) in lines.enumerated() where top + index < size.height {
            painter.centredText(line, in: painter.bounds, row: top + index, style: context.theme.body)
        }
    }
}
