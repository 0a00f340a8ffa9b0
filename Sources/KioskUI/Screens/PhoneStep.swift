import KioskTerminal

/// The left column of a keypad phone step (the mail recipient's mobile, a rating's callback phone):
/// a line saying what the number is for, the prompt, the phone field and its error.
struct PhoneStep {
    /// What the number is for, e.g. the recipient's masked name or the chosen rating.
    var heading: String
    var headingStyle: Style
    /// What to type.
    var prompt: String
    var promptStyle: Style
    /// The field's label.
    var label: String
    var entry: TextEntry
    var error: StringKey?

    /// Draws the step at the top of `column`; returns the row below the field (and its error).
    func draw(in column: Rect, into painter: inout ScreenPainter) -> Int {
        let metrics = painter.context.metrics
        var y = column.minY
        painter.text(heading, at: Point(x: column.minX, y: y), width: column.width, style: headingStyle)
        y += 2
        painter.text(prompt, at: Point(x: column.minX, y: y), width: column.width, style: promptStyle)
        y += 1 + metrics.gap
        y += painter.entryField(
            label: label, entry: entry, focused: true, action: nil,
            in: Rect(x: column.minX, y: y, width: column.width, height: 4))
        return y + painter.fieldError(error, below: y, in: column)
    }
}

extension ScreenPainter {
    /// Draws the message of `error` (at most two lines) one row below `y` in `column`, under a form
    /// field; returns the rows used, that empty row included (0 without an error).
    mutating func fieldError(_ error: StringKey?, below y: Int, in column: Rect) -> Int {
        guard let error else { return 0 }
        let rect = Rect(x: column.minX, y: y + 1, width: column.width, height: 2)
        return 1 + paragraph(context.text(error), in: rect, style: context.theme.error)
    }
}
