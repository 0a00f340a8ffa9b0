import KioskTerminal

/// Shown while the card is being read: a spinner and 请勿移动卡片.
enum ReadingScreen {
    /// Draws the screen into `painter` and registers its controls.
    static func draw(_ input: ScreenInput, into painter: inout ScreenPainter) {
        let context = painter.context
        let top = painter.header(site: input.config.siteName, title: context.text(.appTitle))
        let content = painter.contentFrame(top: top)
        painter.busyIndicator(context.text(.readingTitle), step: input.step, in: content)
        painter.centredText(
            context.text(.readingBody), in: content, row: content.minY + content.height / 2 + 4,
            style: context.theme.body)
    }
}
