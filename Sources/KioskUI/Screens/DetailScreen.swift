import KioskTerminal

/// One 办件: its fields, the timeline of steps (each marked in words), and 打印回执, 免费邮寄 (only
/// when eligible), 返回, 结束.
enum DetailScreen {
    /// Draws the screen into `painter` and registers its controls.
    static func draw(_ detail: CaseFileDetail, _ input: ScreenInput, into painter: inout ScreenPainter) {
        let context = painter.context
        let theme = context.theme
        let row = detail.row
        let top = painter.header(site: input.config.siteName, title: context.text(.detailTitle))
        let content = painter.contentFrame(top: top)
        var status = row.statusText
        if row.isOverdue { status += "  [" + context.text(.listOverdue) + "]" }
        if row.isDueSoon && !row.isOverdue { status += "  [" + context.text(.listDueSoon) + "]" }
        var promised = row.promisedDateText
        if row.isEstimated && !promised.isEmpty { promised += context.text(.listEstimatedMark) }
        let pairs: [(String, String)] = [
            (context.text(.detailItem), row.itemName),
            (context.text(.detailNumber), row.number),
            (context.text(.detailStatus), status),
            (context.text(.detailAccepted), detail.acceptedText),
            (context.text(.detailPromised), promised),
            (context.text(.detailDepartment), detail.department),
            (context.text(.detailPhone), detail.phone),
            (
                context.text(.detailMailPosted),
                detail.postedWaybill.map { context.text(.detailMailPostedValue, ["waybill": $0]) } ?? ""
            ),
        ].filter { !$0.1.isEmpty }
        var y = content.minY
        y += painter.fields(
            pairs, in: Rect(x: content.minX, y: y, width: content.width, height: content.maxY - y), style: theme.body,
            labelStyle: theme.hint)
        y += 1
        if y < content.maxY {
            painter.text(
                context.text(.detailSteps), at: Point(x: content.minX, y: y), width: content.width, style: theme.title)
            y += 1
        }
        if detail.steps.isEmpty, y < content.maxY {
            painter.text(
                context.text(.detailNoSteps), at: Point(x: content.minX + 2, y: y), width: content.width - 2,
                style: theme.body)
        }
        for step in detail.steps where y < content.maxY {
            let mark: StringKey =
                switch step.state {
                case .done: .detailStepDone
                case .current: .detailStepCurrent
                case .pending: .detailStepPending
                }
            var style = step.state == .pending ? theme.hint : theme.body
            if step.state == .current { style.attributes.insert(.bold) }
            let line =
                "[" + context.text(mark) + "] " + step.title + (step.timeText.isEmpty ? "" : "  " + step.timeText)
            painter.text(line, at: Point(x: content.minX + 2, y: y), width: content.width - 2, style: style)
            y += 1
        }
        var leading = [ButtonSpec(context.text(.detailPrint), action: .printSlip, shortcut: "1")]
        if row.canMail { leading.append(ButtonSpec(context.text(.detailMail), action: .requestMail, shortcut: "2")) }
        painter.footer(
            leading: leading,
            trailing: [
                ButtonSpec(context.text(.commonBack), action: .back, shortcut: "0"),
                ButtonSpec(context.text(.commonEnd), action: .end),
            ])
    }
}
