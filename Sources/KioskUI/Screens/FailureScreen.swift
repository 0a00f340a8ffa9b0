import KioskTerminal

/// A request failed: the message in words, 返回 and 结束.
enum FailureScreen {
    /// Draws the screen into `painter` and registers its controls.
    static func draw(message: StringKey, _ input: ScreenInput, into painter: inout ScreenPainter) {
        let context = painter.context
        let top = painter.header(site: input.config.siteName, title: context.text(.appTitle))
        let content = painter.contentFrame(top: top)
        painter.paragraph(context.text(message), in: content, style: context.theme.error)
        painter.footer(
            leading: [ButtonSpec(context.text(.commonBack), action: .back, shortcut: "0")],
            trailing: [ButtonSpec(context.text(.commonEnd), action: .end)])
    }
}
