import KioskTerminal

extension ScreenPainter {
    /// Draws `text` wrapped with the Chinese line-breaking rules into `rect`, top-aligned, one line every
    /// `metrics.lineSpacing` rows.
    ///
    /// - Returns: The rows used (never more than `rect.height`).
    @discardableResult
    package mutating func paragraph(_ text: String, in rect: Rect, style: Style) -> Int {
        let spacing = max(1, context.metrics.lineSpacing)
        let lines = context.breaker.wrap(text, maxWidth: rect.width)
        var used = 0
        for (index, line) in lines.enumerated() {
            let row = index * spacing
            guard row < rect.height else { break }
            self.text(line, at: Point(x: rect.minX, y: rect.minY + row), width: rect.width, style: style)
            used = row + 1
        }
        return used
    }

    /// The rows `text` needs at `width` columns.
    package func paragraphHeight(_ text: String, width: Int) -> Int {
        let count = context.breaker.wrap(text, maxWidth: width).count
        return count == 0 ? 0 : (count - 1) * max(1, context.metrics.lineSpacing) + 1
    }

    /// Draws `label：value` pairs, one per row (values wrap under themselves).
    ///
    /// - Returns: The rows used.
    @discardableResult
    package mutating func fields(_ pairs: [(String, String)], in rect: Rect, style: Style, labelStyle: Style) -> Int {
        let labelWidth = min(rect.width / 3, (pairs.map { context.breaker.displayWidth($0.0) }.max() ?? 0) + 2)
        var y = rect.minY
        for (label, value) in pairs where y < rect.maxY {
            text(
                label + context.text(.commonColon), at: Point(x: rect.minX, y: y), width: labelWidth, style: labelStyle)
            let valueRect = Rect(
                x: rect.minX + labelWidth, y: y, width: rect.width - labelWidth, height: rect.maxY - y)
            y += max(1, paragraph(value, in: valueRect, style: style)) + max(1, context.metrics.lineSpacing) - 1
        }
        return y - rect.minY
    }
}
