import KioskTerminal

/// The 暂停服务 screen shown while the database cannot commit: words, not only colour, and no
/// buttons, since nothing can be done here until the kiosk has recovered by itself.
package enum PausedScreen {
    /// Draws the screen at `size` in the context's language and theme.
    package static func frame(size: Size, context: RenderContext) -> CellBuffer {
        var painter = ScreenPainter(size: size, context: context, focusIndex: nil)
        draw(into: &painter)
        return painter.canvas.buffer
    }

    static func draw(into painter: inout ScreenPainter) {
        let context = painter.context
        let size = painter.bounds.size
        painter.fill(painter.bounds, style: context.theme.body)
        let heading = context.text(.pausedTitle)
        let top = max(1, size.height / 3)
        let headingWidth = min(size.width, heading.displayWidth + 4)
        let band = Rect(x: max(0, (size.width - headingWidth) / 2), y: top - 1, width: headingWidth, height: 3)
        painter.fill(band, style: context.theme.error)
        painter.centredText(heading, in: band, row: top, style: context.theme.error)
        let width = max(10, min(size.width - 8, 60))
        for (index, line) in context.breaker.wrap(context.text(.pausedBody), maxWidth: width).enumerated()
        where top + 3 + index < size.height {
            painter.centredText(line, in: painter.bounds, row: top + 3 + index, style: context.theme.body)
        }
    }
}
