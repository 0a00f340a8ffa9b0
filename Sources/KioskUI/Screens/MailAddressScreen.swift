import KioskTerminal

/// Mail step 2: choose the address on record or the card's address, both shown masked.
enum MailAddressScreen {
    /// Draws the screen into `painter` and registers its controls.
    static func draw(draft: MailDraft, _ input: ScreenInput, into painter: inout ScreenPainter) {
        let context = painter.context
        let top = painter.header(site: input.config.siteName, title: context.text(.mailTitle))
        let content = painter.contentFrame(top: top)
        painter.text(
            context.text(.mailAddressPrompt), at: Point(x: content.minX, y: content.minY), width: content.width,
            style: context.theme.title)
        var y = content.minY + 1 + context.metrics.gap
        for (index, option) in draft.addressOptions.enumerated() where y < content.maxY {
            let source = context.text(option.source == .onRecord ? .mailAddressOnRecord : .mailAddressCard)
            let spec = ButtonSpec(
                source + context.text(.commonColon) + option.maskedText, action: .chooseAddress(id: option.id),
                shortcut: Character(String(index + 1)), isSelected: option.id == draft.selectedAddressID)
            let height = context.metrics.buttonHeight
            painter.button(spec, in: Rect(x: content.minX, y: y, width: content.width, height: height))
            y += height + context.metrics.gap
        }
        painter.footer(
            leading: [ButtonSpec(context.text(.commonBack), action: .back, shortcut: "0")],
            trailing: [ButtonSpec(context.text(.commonEnd), action: .end)])
    }
}
