import KioskTerminal

/// No-card query: 办件编号 (digits, letters, `-`) and 查询密码 (shown as `*`) on the keypad.
enum QueryScreen {
    /// Draws the screen into `painter` and registers its controls.
    static func draw(form: QueryForm, _ input: ScreenInput, into painter: inout ScreenPainter) {
        let context = painter.context
        let top = painter.header(site: input.config.siteName, title: context.text(.queryTitle))
        let layout = KeypadScreenLayout(painter: painter, top: top)
        let left = layout.left
        var y = left.minY
        y += painter.entryField(
            label: context.text(.queryNumber), entry: form.number, focused: form.focusedField == 0,
            action: .focusField(0),
            in: Rect(x: left.minX, y: y, width: left.width, height: 4))
        y += context.metrics.gap
        y += painter.entryField(
            label: context.text(.queryPassword), entry: form.password, focused: form.focusedField == 1,
            action: .focusField(1),
            in: Rect(x: left.minX, y: y, width: left.width, height: 4))
        y += painter.fieldError(form.error, below: y, in: left)
        y += context.metrics.gap
        let entry = form.focusedField == 0 ? form.number : form.password
        painter.buttonRow(
            [
                ButtonSpec(context.text(.querySubmit), action: .submit),
                ButtonSpec(
                    context.text(entry.showsLetters ? .keypadDigits : .keypadLetters), action: .keypad(.toggleLetters)),
                ButtonSpec(context.text(.commonBack), action: .back),
            ], in: Rect(x: left.minX, y: y, width: left.width, height: left.maxY - y))
        painter.keypad(for: entry, in: layout.right)
    }
}
