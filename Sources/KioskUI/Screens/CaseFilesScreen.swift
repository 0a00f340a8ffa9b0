import KioskTerminal

/// The card holder's 办件, a page at a time: item, marks (超期 / 临期 as words), status, promised date
/// and number; or the "no applications" message. Paging buttons sit in the footer with 结束.
enum CaseFilesScreen {
    /// Draws the screen into `painter` and registers its controls.
    static func draw(page requestedPage: Int, _ input: ScreenInput, into painter: inout ScreenPainter) {
        let context = painter.context
        let theme = context.theme
        let session = input.machine.session
        let rows = session?.caseFiles ?? []
        let top = painter.header(site: input.config.siteName, title: context.text(.listTitle))
        let content = painter.contentFrame(top: top)
        if let citizen = session?.citizen {
            let greeting = context.text(.listGreeting, ["name": citizen.maskedName]) + "  " + citizen.maskedIdNumber
            painter.text(
                greeting, at: Point(x: content.minX, y: content.minY), width: content.width, style: theme.title)
        }
        let listArea = Rect(
            x: content.minX, y: content.minY + 2, width: content.width, height: max(0, content.height - 3))
        let paging = Paging(pageSize: painter.listPageSize(in: listArea), count: rows.count)
        let page = paging.clamp(requestedPage)
        if rows.isEmpty {
            painter.paragraph(context.text(.listEmpty), in: listArea, style: theme.body)
        } else {
            var y = listArea.minY
            for (offset, index) in paging.range(of: page).enumerated() {
                let frame = Rect(x: listArea.minX, y: y, width: listArea.width, height: painter.listEntryHeight)
                painter.listEntry(
                    lines: lines(for: rows[index], context: context),
                    action: .openCaseFile(number: rows[index].number),
                    shortcut: Character(String(offset + 1)), in: frame)
                y += painter.listEntryHeight + context.metrics.gap
            }
            if paging.pageCount > 1 {
                painter.pageLabel(page, of: paging.pageCount, in: content, row: content.maxY - 1)
            }
        }
        painter.footer(
            leading: painter.pagerButtons(page: page, paging: paging),
            trailing: [ButtonSpec(context.text(.commonEnd), action: .end, shortcut: "0")])
    }

    /// The text lines of one entry: item name with its marks, status and deadline, number.
    static func lines(for row: CaseFileRow, context: RenderContext) -> [[(String, Style?)]] {
        let theme = context.theme
        var first: [(String, Style?)] = [(row.itemName, nil)]
        if row.isOverdue { first += [(" ", nil), (" " + context.text(.listOverdue) + " ", theme.overdueMark)] }
        if row.isDueSoon && !row.isOverdue {
            first += [(" ", nil), (" " + context.text(.listDueSoon) + " ", theme.dueSoonMark)]
        }
        var second: [(String, Style?)] = [(row.statusText, nil)]
        if !row.promisedDateText.isEmpty {
            var promised = context.text(.listPromised, ["date": row.promisedDateText])
            if row.isEstimated { promised += context.text(.listEstimatedMark) }
            second += [("  ", nil), (promised, nil)]
        }
        if row.canMail { second += [("  ", nil), ("[" + context.text(.listMailable) + "]", nil)] }
        return [first, second, [(context.text(.listNumber, ["number": row.number]), nil)]]
    }
}
