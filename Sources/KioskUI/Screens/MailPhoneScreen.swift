import KioskTerminal

/// Mail step 1: the recipient (the card holder, masked) and the mobile number typed on the keypad.
enum MailPhoneScreen {
    /// Draws the screen into `painter` and registers its controls.
    static func draw(
        draft: MailDraft, entry: TextEntry, error: StringKey?, _ input: ScreenInput, into painter: inout ScreenPainter
    ) {
        let context = painter.context
        let theme = context.theme
        let top = painter.header(site: input.config.siteName, title: context.text(.mailTitle))
        let layout = KeypadScreenLayout(painter: painter, top: top)
        let left = layout.left
        var y = left.minY
        painter.text(
            context.text(.mailRecipient) + context.text(.commonColon) + draft.recipientMaskedName, at: Point(x: left.minX, y: y),
            width: left.width, style: theme.body)
        y += 2
        painter.text(
            context.text(.mailPhonePrompt), at: Point(x: left.minX, y: y), width: left.width, style: theme.title)
        y += 1 + context.metrics.gap
        y += painter.entryField(
            label: context.text(.mailPhone), entry: entry, focused: true, action: nil,
            in: Rect(x: left.minX, y: y, width: left.width, height: 4))
        if let error {
            y += 1
            y += painter.paragraph(
                context.text(error), in: Rect(x: left.minX, y: y, width: left.width, height: 2), style: theme.error)
        }
        y += context.metrics.gap
        painter.buttonRow(
            [
                ButtonSpec(context.text(.mailNext), action: .submit),
                ButtonSpec(context.text(.commonBack), action: .back),
            ],
            in: Rect(
                x: left.minX, y: max(y, left.maxY - context.metrics.buttonHeight * 2 - context.metrics.gap),
                width: left.width, height: left.maxY - y))
        painter.keypad(for: entry, in: layout.right)
    }
}
