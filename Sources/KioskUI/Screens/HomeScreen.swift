import KioskTerminal

/// The attract screen: the place-card prompt, the privacy notice (rule R4), 无卡查询, 长辈模式 and the
/// language switch; in demo mode, small buttons to place and remove the sample cards.
enum HomeScreen {
    /// Draws the screen into `painter` and registers its controls.
    static func draw(_ input: ScreenInput, into painter: inout ScreenPainter) {
        let context = painter.context
        let theme = context.theme
        let top = painter.header(site: input.config.siteName, title: context.text(.appTitle))
        let content = painter.contentFrame(top: top)
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
        painter.footer(
            leading: leading,
            trailing: [ButtonSpec(context.text(.homeLanguage), action: .toggleLanguage, shortcut: "3")])
    }
}
