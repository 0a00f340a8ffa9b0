import KioskTerminal

/// 请取走身份证和凭条: shown after a session ends; it carries no personal data.
enum EndScreen {
    /// Draws the screen into `painter` and registers its controls.
    static func draw(thanked: Bool, _ input: ScreenInput, into painter: inout ScreenPainter) {
        let context = painter.context
        let theme = context.theme
        let top = painter.header(site: input.config.siteName, title: context.text(.appTitle))
        let content = painter.contentFrame(top: top)
        let banner = Rect(x: content.minX, y: content.minY + content.height / 3, width: content.width, height: 3)
        painter.fill(banner, style: theme.focusedButton)
        painter.centredText(context.text(.endTitle), in: banner, row: banner.minY + 1, style: theme.focusedButton)
        var y = banner.maxY + 1
        if thanked {
            painter.centredText(context.text(.ratingThanks), in: content, row: y, style: theme.body)
            y += 1
        }
        painter.centredText(context.text(.endBody), in: content, row: y, style: theme.body)
        painter.footer(leading: [ButtonSpec(context.text(.commonHome), action: .home, shortcut: "0")], trailing: [])
    }
}
