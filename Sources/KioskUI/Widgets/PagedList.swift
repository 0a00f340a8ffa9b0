import KioskTerminal

/// Paging arithmetic for a list shown a page at a time.
package struct Paging: Sendable, Equatable {
    /// Items per page (at least 1).
    package var pageSize: Int
    /// Items in the list.
    package var count: Int

    /// Creates paging for `count` items, `pageSize` per page.
    package init(pageSize: Int, count: Int) {
        self.pageSize = max(1, pageSize)
        self.count = max(0, count)
    }

    /// Pages in the list (at least 1, so an empty list still has a page to show its message).
    package var pageCount: Int { max(1, (count + pageSize - 1) / pageSize) }

    /// `page` clamped to the list.
    package func clamp(_ page: Int) -> Int { min(max(0, page), pageCount - 1) }

    /// The indices shown on `page`.
    package func range(of page: Int) -> Range<Int> {
        let start = clamp(page) * pageSize
        return start..<min(count, start + pageSize)
    }
}

extension ScreenPainter {
    /// The rows one list entry takes (its text lines, padded to a touch target).
    package var listEntryHeight: Int { max(3, context.metrics.buttonHeight) }

    /// How many list entries fit in `rect`, capped by the layout's maximum.
    package func listPageSize(in rect: Rect) -> Int {
        let perEntry = listEntryHeight + context.metrics.gap
        let fit = max(1, (rect.height - 1 + context.metrics.gap) / perEntry)
        return min(fit, context.metrics.maxItemsPerPage)
    }

    /// Draws one touchable list entry: up to three lines of text on a button-coloured block.
    package mutating func listEntry(lines: [[(String, Style?)]], action: UIAction, shortcut: Character?, in rect: Rect)
    {
        let focused = nextControlIsFocused
        let theme = context.theme
        let base = focused ? theme.focusedButton : theme.button
        fill(rect, style: base)
        let top = rect.minY + max(0, (rect.height - lines.count) / 2)
        for (row, segments) in lines.enumerated() where top + row < rect.maxY {
            var x = rect.minX + 1
            if row == 0 {
                let mark = focused ? "「" : " "
                x += text(
                    mark + (shortcut.map { "\($0) " } ?? ""), at: Point(x: x, y: top), width: rect.maxX - x, style: base
                )
            } else {
                x += 1 + (shortcut == nil ? 0 : 2)
            }
            for (segment, style) in segments where x < rect.maxX - 1 {
                x += text(segment, at: Point(x: x, y: top + row), width: rect.maxX - 1 - x, style: style ?? base)
            }
            if row == 0 && focused {
                text("」", at: Point(x: min(x, rect.maxX - 3), y: top), width: 2, style: base)
            }
        }
        register(action, frame: rect, shortcut: shortcut)
    }

    /// Draws `第x页，共y页` on row `y`, right-aligned in `rect`.
    package mutating func pageLabel(_ page: Int, of pages: Int, in rect: Rect, row y: Int) {
        let label = context.text(.commonPage, ["current": String(page + 1), "total": String(pages)])
        let width = context.breaker.displayWidth(label)
        text(label, at: Point(x: max(rect.minX, rect.maxX - width), y: y), width: width, style: context.theme.hint)
    }

    /// The footer buttons for paging (上一页 / 下一页), only those that lead somewhere.
    package func pagerButtons(page: Int, paging: Paging) -> [ButtonSpec] {
        var buttons: [ButtonSpec] = []
        if page > 0 {
            buttons.append(ButtonSpec(context.text(.commonPrevPage), action: .showPage(page - 1), shortcut: "8"))
        }
        if page + 1 < paging.pageCount {
            buttons.append(ButtonSpec(context.text(.commonNextPage), action: .showPage(page + 1), shortcut: "9"))
        }
        return buttons
    }
}
