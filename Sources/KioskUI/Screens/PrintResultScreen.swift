import KioskTerminal

/// After a print: done, failed (go to a window), or printer unavailable, in which case the slip's QR
/// code is shown on screen with 请到服务窗口咨询.
enum PrintResultScreen {
    /// Draws the screen into `painter` and registers its controls.
    static func draw(
        _ outcome: PrintOutcome, _ printContext: PrintContext, _ input: ScreenInput, into painter: inout ScreenPainter
    ) {
        let context = painter.context
        let theme = context.theme
        let top = painter.header(site: input.config.siteName, title: context.text(.detailPrint))
        var content = painter.contentFrame(top: top)
        var trailing: [ButtonSpec] = []
        if printContext == .slip {
            trailing.append(ButtonSpec(context.text(.commonBack), action: .back, shortcut: "0"))
        }
        trailing.append(ButtonSpec(context.text(.mailDone), action: .finish, shortcut: "1"))
        switch outcome {
        case .printed:
            painter.paragraph(context.text(.printDone), in: content, style: theme.title)
        case .failed:
            let y = content.minY + painter.paragraph(context.text(.printFailed), in: content, style: theme.error)
            painter.text(
                context.text(.printHelp), at: Point(x: content.minX, y: y + 1), width: content.width, style: theme.body)
        case .unavailable(let qr):
            let size = QRCodeView.size(of: qr)
            let fits =
                size.width + 24 <= painter.bounds.width - 2 * context.metrics.margin
                && size.height <= painter.bounds.height - top - 1
            if fits {
                let origin = Point(x: painter.bounds.width - context.metrics.margin - size.width, y: top)
                painter.qrCode(qr, at: origin)
                content = Rect(
                    x: content.minX, y: content.minY, width: origin.x - content.minX - 2, height: content.height)
            }
            // Either "scan the code on the screen" (when it is there) or "no room for the code", never both.
            let message = fits ? StringKey.printUnavailable : .printQrTooSmall
            let y = content.minY + painter.paragraph(context.text(message), in: content, style: theme.title)
            painter.paragraph(
                context.text(.printHelp),
                in: Rect(x: content.minX, y: y + 1, width: content.width, height: max(0, content.maxY - y - 1)),
                style: theme.error)
            if fits {
                // The footer must not run under the code: stack the buttons in the left column.
                painter.buttonRow(
                    trailing,
                    in: Rect(
                        x: content.minX, y: painter.footerFrame.minY, width: content.width,
                        height: context.metrics.buttonHeight))
                return
            }
        }
        painter.footer(leading: [], trailing: trailing)
    }
}
