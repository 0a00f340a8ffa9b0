import KioskTerminal

/// An expired card (told plainly) or a failed read (try again), with 返回首页.
enum CardErrorScreen {
    /// Draws the screen into `painter` and registers its controls.
    static func draw(expired: Bool, _ input: ScreenInput, into painter: inout ScreenPainter) {
        let context = painter.context
        let title = context.text(expired ? .cardExpiredTitle : .cardReadFailedTitle)
        let top = painter.header(site: input.config.siteName, title: title)
        let content = painter.contentFrame(top: top)
        painter.text(
            title, at: Point(x: content.minX, y: content.minY), width: content.width, style: context.theme.error)
        let body = context.text(expired ? .cardExpiredBody : .cardReadFailedBody)
        painter.paragraph(
            body, in: Rect(x: content.minX, y: content.minY + 2, width: content.width, height: content.height - 2),
            style: context.theme.body)
        painter.footer(leading: [ButtonSpec(context.text(.commonHome), action: .back, shortcut: "0")], trailing: [])
    }
}
