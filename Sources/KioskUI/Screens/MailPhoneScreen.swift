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
        let step = PhoneStep(
            heading: context.text(.mailRecipient) + context.text(.commonColon) + draft.recipientMaskedName,
            headingStyle: theme.body, prompt: context.text(.mailPhonePrompt), promptStyle: theme.title,
            label: context.text(.mailPhone), entry: entry, error: error)
        let y = step.draw(in: left, into: &painter) + context.metrics.gap
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
