import KioskCore
import KioskTerminal

/// Mail step 3: the values to check, then 提交申请.
///
/// The name and phone stay masked (rule R21); the address is shown in full, because the card holder
/// standing at the screen must be able to check where the certificate goes (see docs/ui.md).
enum MailSummaryScreen {
    /// Draws the screen into `painter` and registers its controls.
    static func draw(draft: MailDraft, error: String?, _ input: ScreenInput, into painter: inout ScreenPainter) {
        let context = painter.context
        let theme = context.theme
        let top = painter.header(site: input.config.siteName, title: context.text(.mailTitle))
        let content = painter.contentFrame(top: top)
        painter.text(
            context.text(.mailSummary), at: Point(x: content.minX, y: content.minY), width: content.width,
            style: theme.title)
        var y = content.minY + 2
        y += painter.fields(
            [
                (context.text(.detailNumber), draft.caseNumber),
                (context.text(.mailRecipient), draft.recipientMaskedName),
                (context.text(.mailPhone), Masking.phone(draft.phone)),
                (context.text(.mailAddress), draft.selectedAddress?.fullText ?? ""),
            ], in: Rect(x: content.minX, y: y, width: content.width, height: content.maxY - y), style: theme.body,
            labelStyle: theme.hint)
        if let error {
            painter.paragraph(
                error, in: Rect(x: content.minX, y: y + 1, width: content.width, height: content.maxY - y - 1),
                style: theme.error)
        }
        painter.footer(
            leading: [ButtonSpec(context.text(.mailSubmit), action: .submit, shortcut: "1")],
            trailing: [
                ButtonSpec(context.text(.commonBack), action: .back, shortcut: "0"),
                ButtonSpec(context.text(.commonEnd), action: .end),
            ])
    }
}
