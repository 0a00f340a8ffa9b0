import KioskTerminal

/// The attract screen: the place-card prompt, the privacy notice (rule R4), 无卡查询, 长辈模式 and the
/// language switch; in demo mode, small buttons to place and remove the sample cards; the gateway's
/// notices (公告), one line each at the bottom of the content, when there are any.
package enum HomeScreen {
    /// The most notices shown at once.
    static let maximumAnnouncements = 3
    /// Marks a notice cut at the width. Not U+2026 …: that is East Asian ambiguous, drawn two
    /// columns wide by a CJK-configured terminal, and the UI draws no ambiguous characters
    /// (docs/ui.md); U+22EF ⋯ is neutral, one column everywhere.
    static let ellipsis = "\u{22EF}"

    /// Fullwidth stand-ins for the ambiguous-width punctuation staff are likely to type in a notice.
    private static let substitutes: [Unicode.Scalar: String] = [
        "\u{201C}": "「", "\u{201D}": "」", "\u{2018}": "『", "\u{2019}": "』", "\u{2014}": "－",
        "\u{2026}": ellipsis, "\u{00B7}": "・",
    ]

    /// `text` with every East Asian ambiguous character replaced (a fullwidth stand-in, else a
    /// space), so its measured width is the width every terminal draws.
    package static func terminalSafe(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if DisplayWidth.isAmbiguous(scalar) {
                result += substitutes[scalar] ?? " "
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Draws the screen into `painter` and registers its controls.
    static func draw(_ input: ScreenInput, into painter: inout ScreenPainter) {
        let context = painter.context
        let theme = context.theme
        let top = painter.header(site: input.config.siteName, title: context.text(.appTitle))
        let frame = painter.contentFrame(top: top)
        // Notices take the last rows of the content; without any, the layout is unchanged.
        let noticeRows = min(input.announcements.count, maximumAnnouncements, max(0, frame.height - 8))
        let content = Rect(
            x: frame.minX, y: frame.minY, width: frame.width,
            height: frame.height - (noticeRows > 0 ? noticeRows + 1 : 0))
        let banner = Rect(x: content.minX, y: content.minY, width: content.width, height: 3)
        painter.fill(banner, style: theme.focusedButton)
        painter.centredText(context.text(.homePlaceCard), in: banner, row: banner.minY + 1, style: theme.focusedButton)
        var y = banner.maxY + context.metrics.gap
        painter.text(
            context.text(.homePrivacyTitle), at: Point(x: content.minX, y: y), width: content.width, style: theme.title)
        y += 1
        let notice = context.text(
            .homePrivacy, ["operator": input.config.operatorName, "days": String(input.config.retentionDays)])
        y += painter.paragraph(
            notice, in: Rect(x: content.minX, y: y, width: content.width, height: content.maxY - y), style: theme.hint)
        if !input.config.demoCards.isEmpty {
            y += 1
            painter.text(
                context.text(.homeDemoTitle), at: Point(x: content.minX, y: y), width: content.width, style: theme.hint)
            y += 1
            var demo = input.config.demoCards.enumerated().map { index, label in
                ButtonSpec(context.text(.homeDemoPlace, ["label": label]), action: .demoPlaceCard(index: index))
            }
            demo.append(ButtonSpec(context.text(.homeDemoRemove), action: .demoRemoveCard))
            painter.buttonRow(
                demo, in: Rect(x: content.minX, y: y, width: content.width, height: content.maxY - y), height: 1)
        }
        let mode = input.machine.elderMode ? StringKey.homeStandardMode : .homeElderMode
        var leading = [
            ButtonSpec(context.text(.homeNoCard), action: .startNoCardQuery, shortcut: "1"),
            ButtonSpec(context.text(mode), action: .toggleElderMode, shortcut: "2"),
        ]
        // A kiosk configured for high contrast has nothing to switch to.
        if !input.config.highContrastByDefault {
            let colors = input.machine.highContrast ? StringKey.homeStandardColors : .homeHighContrast
            leading.append(ButtonSpec(context.text(colors), action: .toggleHighContrast, shortcut: "4"))
        }
        let label = context.text(.homeAnnouncement)
        for (index, announcement) in input.announcements.prefix(noticeRows).enumerated() {
            let line = context.breaker.truncate(
                label + terminalSafe(announcement), maxWidth: frame.width, ellipsis: ellipsis)
            painter.text(
                line, at: Point(x: frame.minX, y: frame.maxY - noticeRows + index), width: frame.width,
                style: theme.title)
        }
        painter.footer(
            leading: leading,
            trailing: [ButtonSpec(context.text(.homeLanguage), action: .toggleLanguage, shortcut: "3")])
    }
}
