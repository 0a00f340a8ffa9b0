import KioskTerminal

/// The staff console: a title bar, the PIN prompt or the status lines and the menu, driven by the
/// keypad like the staff screens of bank terminals. Staff read Chinese and the vendor's engineers
/// English, so every text shows in both, whatever language the citizen chose.
package enum MaintenanceScreen {
    /// Draws `view` at `size`.
    package static func frame(_ view: MaintenanceView, size: Size, context: RenderContext) -> CellBuffer {
        var painter = ScreenPainter(size: size, context: context, focusIndex: nil)
        draw(view, into: &painter)
        return painter.canvas.buffer
    }

    static func draw(_ view: MaintenanceView, into painter: inout ScreenPainter) {
        let context = painter.context
        let theme = context.theme
        let size = painter.bounds.size
        painter.fill(painter.bounds, style: theme.body)
        painter.fill(Rect(x: 0, y: 0, width: size.width, height: 1), style: theme.header)
        painter.text(
            " " + both(.maintenanceTitle, context, separator: " ") + " ", at: Point(x: 1, y: 0), style: theme.header)
        var y = 2
        switch view {
        case .pin(let digits, let notice):
            painter.text(both(.maintenancePinPrompt, context), at: Point(x: 2, y: y), style: theme.body)
            y += 2
            painter.text(
                context.text(.maintenancePinField, ["mask": String(repeating: "＊", count: digits)]),
                at: Point(x: 2, y: y), style: theme.title)
            y += 2
            if let notice { painter.text(both(notice, context), at: Point(x: 2, y: y), style: theme.error) }
        case .menu(let status, let notice):
            for line in status where y < size.height - 5 {
                let label = both(line.part, context, separator: " ")
                painter.text("\(label): \(line.state)", at: Point(x: 2, y: y), style: theme.body)
                y += 1
            }
            y += 1
            for language in [UILanguage.simplifiedChinese, .english] {
                painter.text(
                    context.strings.text(.maintenanceMenu, in: language), at: Point(x: 2, y: y), style: theme.title)
                y += 1
            }
            if let notice { painter.text(both(notice, context), at: Point(x: 2, y: y + 1), style: theme.body) }
        }
    }

    /// The Chinese text followed by the English one (in brackets unless `separator` says otherwise).
    private static func both(_ notice: MaintenanceNotice, _ context: RenderContext, separator: String? = nil) -> String
    {
        let chinese = context.strings.text(notice.key, in: .simplifiedChinese, notice.arguments)
        let english = context.strings.text(notice.key, in: .english, notice.arguments)
        if chinese == english { return chinese }
        return separator.map { chinese + $0 + english } ?? "\(chinese) (\(english))"
    }

    private static func both(_ key: StringKey, _ context: RenderContext, separator: String? = nil) -> String {
        both(MaintenanceNotice(key), context, separator: separator)
    }
}
