import KioskTerminal

extension ScreenPainter {
    /// Draws the header bar on row 0 (site name and screen title) and returns the first content row.
    @discardableResult
    package mutating func header(site: String, title: String) -> Int {
        let style = context.theme.header
        fill(Rect(x: 0, y: 0, width: bounds.width, height: 1), style: style)
        let margin = context.metrics.margin
        let used = text(site, at: Point(x: margin, y: 0), width: bounds.width / 2 - margin, style: style)
        let titleWidth = context.breaker.displayWidth(title)
        let x = max(margin + used + 2, bounds.width - margin - titleWidth)
        text(title, at: Point(x: x, y: 0), width: bounds.width - margin - x, style: style)
        return 1 + context.metrics.gap
    }

    /// The footer's frame: `metrics.buttonHeight` rows above a blank last row (nothing is ever drawn in
    /// the bottom-right cell).
    package var footerFrame: Rect {
        let margin = context.metrics.margin
        let height = context.metrics.buttonHeight
        return Rect(x: margin, y: bounds.height - 1 - height, width: bounds.width - 2 * margin, height: height)
    }

    /// The content area between the header and the footer.
    package func contentFrame(top: Int) -> Rect {
        let margin = context.metrics.margin
        let bottom = footerFrame.minY - context.metrics.gap
        return Rect(x: margin, y: top, width: bounds.width - 2 * margin, height: max(0, bottom - top))
    }

    /// Draws footer buttons: `leading` from the left, `trailing` right-aligned.
    package mutating func footer(leading: [ButtonSpec], trailing: [ButtonSpec]) {
        let frame = footerFrame
        buttonRow(leading, in: frame)
        let trailingWidth = layoutButtons(trailing, width: frame.width).map(\.maxX).max() ?? 0
        let leadingWidth = layoutButtons(leading, width: frame.width).map(\.maxX).max() ?? 0
        let x = max(frame.minX + leadingWidth + context.metrics.gap * 2, frame.maxX - trailingWidth)
        buttonRow(trailing, in: Rect(x: x, y: frame.minY, width: frame.maxX - x, height: frame.height))
    }
}
