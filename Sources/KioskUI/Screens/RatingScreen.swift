import KioskCore
import KioskTerminal

/// 好差评 (rules R16, R17): the five levels named exactly, in a neutral order and style (no steering
/// wording), 跳过 always visible. A 差评 level asks for reasons (toggle buttons) and offers an optional
/// callback phone on the keypad.
enum RatingScreen {
    /// Draws the screen into `painter` and registers its controls.
    static func draw(form: RatingForm, _ input: ScreenInput, into painter: inout ScreenPainter) {
        let context = painter.context
        let theme = context.theme
        let top = painter.header(site: input.config.siteName, title: context.text(.ratingTitle))
        if let level = form.level, level.isNegative {
            drawReasons(form: form, level: level, top: top, into: &painter)
            return
        }
        let content = painter.contentFrame(top: top)
        var y = content.minY
        if let notice = form.notice {
            y += painter.paragraph(
                context.text(notice), in: Rect(x: content.minX, y: y, width: content.width, height: 2),
                style: theme.title)
            y += 1
        }
        if let refusal = form.refusal {
            y += painter.paragraph(
                refusal, in: Rect(x: content.minX, y: y, width: content.width, height: 2), style: theme.error)
            y += 1
        }
        painter.text(
            context.text(.ratingTitle), at: Point(x: content.minX, y: y), width: content.width, style: theme.title)
        y += 1
        painter.text(
            context.text(.ratingSubtitle), at: Point(x: content.minX, y: y), width: content.width, style: theme.hint)
        y += 1 + context.metrics.gap
        let levels = SatisfactionLevel.allCases.enumerated().map { index, level in
            ButtonSpec(context.text(level.stringKey), action: .rate(level), shortcut: Character(String(index + 1)))
        }
        painter.buttonRow(levels, in: Rect(x: content.minX, y: y, width: content.width, height: content.maxY - y))
        painter.footer(
            leading: [], trailing: [ButtonSpec(context.text(.ratingSkip), action: .skipRating, shortcut: "0")])
    }

    /// Draws the screen into `painter` and registers its controls.
    private static func drawReasons(
        form: RatingForm, level: SatisfactionLevel, top: Int, into painter: inout ScreenPainter
    ) {
        let context = painter.context
        let theme = context.theme
        if form.askingPhone {
            drawPhone(form: form, level: level, top: top, into: &painter)
            return
        }
        let content = painter.contentFrame(top: top)
        var y = content.minY
        painter.text(
            context.text(.ratingChosen, ["level": context.text(level.stringKey)]), at: Point(x: content.minX, y: y),
            width: content.width, style: theme.title)
        y += 1
        painter.text(
            context.text(.ratingReasonsTitle), at: Point(x: content.minX, y: y), width: content.width, style: theme.body
        )
        y += 1 + context.metrics.gap
        let reasons = RatingReason.allCases.enumerated().map { index, reason in
            ButtonSpec(
                context.text(reason.stringKey), action: .toggleReason(reason), shortcut: Character(String(index + 1)),
                isSelected: form.reasons.contains(reason))
        }
        y += painter.buttonRow(reasons, in: Rect(x: content.minX, y: y, width: content.width, height: content.maxY - y))
        if let error = form.error.map({ context.text($0) }) ?? form.refusal, y < content.maxY {
            painter.text(error, at: Point(x: content.minX, y: y + 1), width: content.width, style: theme.error)
        }
        painter.footer(
            leading: [ButtonSpec(context.text(.mailNext), action: .submit, shortcut: "7")],
            trailing: [
                ButtonSpec(context.text(.commonBack), action: .back, shortcut: "8"),
                ButtonSpec(context.text(.ratingSkip), action: .skipRating, shortcut: "0"),
            ])
    }

    /// Draws the screen into `painter` and registers its controls.
    private static func drawPhone(
        form: RatingForm, level: SatisfactionLevel, top: Int, into painter: inout ScreenPainter
    ) {
        let context = painter.context
        let theme = context.theme
        let layout = KeypadScreenLayout(painter: painter, top: top)
        let left = layout.left
        let step = PhoneStep(
            heading: context.text(.ratingChosen, ["level": context.text(level.stringKey)]), headingStyle: theme.title,
            prompt: context.text(.ratingCallbackPrompt), promptStyle: theme.body, label: context.text(.ratingCallback),
            entry: form.callbackPhone, error: form.error)
        var y = step.draw(in: left, into: &painter)
        if let refusal = form.refusal {
            painter.text(refusal, at: Point(x: left.minX, y: y), width: left.width, style: theme.error)
            y += 1
        }
        y += context.metrics.gap
        painter.buttonRow(
            [
                ButtonSpec(context.text(.ratingSubmit), action: .submit),
                ButtonSpec(context.text(.commonBack), action: .back),
                ButtonSpec(context.text(.ratingSkip), action: .skipRating),
            ], in: Rect(x: left.minX, y: y, width: left.width, height: left.maxY - y))
        painter.keypad(for: form.callbackPhone, in: layout.right)
    }
}
