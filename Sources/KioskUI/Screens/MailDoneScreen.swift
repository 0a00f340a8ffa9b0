import KioskTerminal

/// The stored mail request, or (for a refused duplicate) the existing one, with 打印邮寄凭条 and 完成.
enum MailDoneScreen {
    /// Draws the screen into `painter` and registers its controls.
    static func draw(receipt: MailReceipt, duplicate: Bool, _ input: ScreenInput, into painter: inout ScreenPainter) {
        let context = painter.context
        let theme = context.theme
        let top = painter.header(site: input.config.siteName, title: context.text(.mailTitle))
        let content = painter.contentFrame(top: top)
        var y = content.minY
        y += painter.paragraph(
            context.text(duplicate ? .mailDuplicate : .mailStored),
            in: Rect(x: content.minX, y: y, width: content.width, height: 3),
            style: duplicate ? theme.error : theme.title)
        y += 1
        painter.fields(
            [
                (context.text(.mailRequestNumber), receipt.requestNumber),
                (context.text(.detailNumber), receipt.caseNumber),
                (context.text(.mailRecipient), receipt.recipientMaskedName),
                (context.text(.mailPhone), receipt.maskedPhone),
                (context.text(.mailAddress), receipt.maskedAddress),
                (context.text(.detailStatus), receipt.statusText),
            ], in: Rect(x: content.minX, y: y, width: content.width, height: content.maxY - y), style: theme.body,
            labelStyle: theme.hint)
        painter.footer(
            leading: [ButtonSpec(context.text(.mailPrintReceipt), action: .printMailReceipt, shortcut: "1")],
            trailing: [
                ButtonSpec(context.text(.commonBack), action: .back, shortcut: "0"),
                ButtonSpec(context.text(.mailDone), action: .finish, shortcut: "2"),
            ])
    }
}
