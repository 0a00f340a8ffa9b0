import KioskTerminal

extension ScreenPainter {
    /// Draws the idle countdown as a dialog over the current screen: the question, the seconds left in
    /// words, and large 继续办理 and 结束 buttons. Controls drawn before it are dropped, so only the
    /// dialog's buttons respond while it is up.
    package mutating func countdownDialog(secondsLeft: Int) {
        dropControls()
        let metrics = context.metrics
        let width = min(bounds.width - 2 * metrics.margin, 64)
        let message = context.text(.idleCountdown, ["seconds": String(secondsLeft)])
        let textHeight = paragraphHeight(message, width: width - 4)
        let height = 2 + 1 + textHeight + 1 + metrics.buttonHeight + 2
        let frame = Rect(
            x: (bounds.width - width) / 2, y: max(0, (bounds.height - height) / 2), width: width, height: height)
        dialog(
            title: context.text(.idleTitle), message: message,
            buttons: [
                ButtonSpec(context.text(.idleContinue), action: .continueSession, shortcut: "1"),
                ButtonSpec(context.text(.commonEnd), action: .end, shortcut: "0"),
            ], in: frame)
    }

    /// Draws a dialog box (background-coloured, no frame characters) with a title, a wrapped message and
    /// a row of buttons.
    package mutating func dialog(title: String, message: String, buttons: [ButtonSpec], in frame: Rect) {
        let style = context.theme.dialog
        fill(frame, style: style)
        var titleStyle = style
        titleStyle.attributes.insert(.bold)
        centredText(title, in: frame, row: frame.minY + 1, style: titleStyle)
        let body = Rect(x: frame.minX + 2, y: frame.minY + 3, width: frame.width - 4, height: frame.height - 5)
        let used = paragraph(message, in: body, style: style)
        let rowWidth = layoutButtons(buttons, width: body.width).map(\.maxX).max() ?? 0
        let x = frame.minX + max(2, (frame.width - rowWidth) / 2)
        buttonRow(
            buttons,
            in: Rect(x: x, y: body.minY + used + 1, width: frame.maxX - x - 2, height: context.metrics.buttonHeight))
    }
}
