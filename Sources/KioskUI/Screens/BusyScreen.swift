import KioskTerminal

/// Waiting for the back end or the printer: a spinner and what is happening; 结束 stays available.
enum BusyScreen {
    /// Draws the screen into `painter` and registers its controls.
    static func draw(message: StringKey, _ input: ScreenInput, into painter: inout ScreenPainter) {
        let context = painter.context
        let top = painter.header(site: input.config.siteName, title: context.text(message))
        painter.busyIndicator(context.text(message), step: input.step, in: painter.contentFrame(top: top))
        // 结束 stays available so a stuck back end can never trap the citizen.
        painter.footer(leading: [], trailing: [ButtonSpec(context.text(.commonEnd), action: .end, shortcut: "0")])
    }
}
