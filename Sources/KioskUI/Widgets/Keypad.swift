import KioskTerminal

/// The on-screen keypad's pages.
package enum KeypadLayout {
    /// Digit page: 1–9, then 删除 0 清空.
    package static func digitKeys(_ context: RenderContext) -> [ButtonSpec] {
        var keys = (1...9).map { ButtonSpec(String($0), action: .keypad(.character(Character(String($0))))) }
        keys.append(ButtonSpec(context.text(.keypadDelete), action: .keypad(.delete)))
        keys.append(ButtonSpec("0", action: .keypad(.character("0"))))
        keys.append(ButtonSpec(context.text(.keypadClear), action: .keypad(.clear)))
        return keys
    }

    /// Letter page: A–Z and `-`, then 删除.
    package static func letterKeys(_ context: RenderContext) -> [ButtonSpec] {
        var keys = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-".map { ButtonSpec(String($0), action: .keypad(.character($0))) }
        keys.append(ButtonSpec(context.text(.keypadDelete), action: .keypad(.delete)))
        return keys
    }
}

extension ScreenPainter {
    /// Draws a labelled entry field: the label, then the value (secrets as `*`) on a field-coloured
    /// block with a `_` cursor. A value too long for the field shows its end.
    ///
    /// - Returns: The rows used.
    @discardableResult
    package mutating func entryField(label: String, entry: TextEntry, focused: Bool, action: UIAction?, in rect: Rect)
        -> Int
    {
        let theme = context.theme
        text(label, at: Point(x: rect.minX, y: rect.minY), width: rect.width, style: focused ? theme.title : theme.body)
        let boxHeight = min(3, max(1, context.metrics.buttonHeight))
        let box = Rect(x: rect.minX, y: rect.minY + 1, width: rect.width, height: boxHeight)
        var style = theme.field
        if focused { style.attributes.insert(.bold) }
        fill(box, style: style)
        var shown = entry.displayText + (focused ? "_" : "")
        let room = box.width - 2
        while context.breaker.displayWidth(shown) > room, !shown.isEmpty { shown.removeFirst() }
        text(shown, at: Point(x: box.minX + 1, y: box.minY + boxHeight / 2), width: room, style: style)
        if let action { register(action, frame: box) }
        return 1 + boxHeight
    }

    /// Draws the keypad for `entry` into `rect` as a grid of large keys: digits (3 per row) or, when the
    /// entry shows letters, A–Z (as many per row as fit at 6+ columns).
    package mutating func keypad(for entry: TextEntry, in rect: Rect) {
        let letters = entry.showsLetters && entry.kind != .digits
        let keys = letters ? KeypadLayout.letterKeys(context) : KeypadLayout.digitKeys(context)
        let gap = context.metrics.gap
        let columns = letters ? max(3, min(7, (rect.width + 2 * gap) / (6 + 2 * gap))) : 3
        let rows = (keys.count + columns - 1) / columns
        let keyWidth = max(1, (rect.width - gap * 2 * (columns - 1)) / columns)
        let keyHeight = max(1, min(context.metrics.buttonHeight, (rect.height - gap * (rows - 1)) / rows))
        for (index, spec) in keys.enumerated() {
            let column = index % columns
            let row = index / columns
            let frame = Rect(
                x: rect.minX + column * (keyWidth + gap * 2), y: rect.minY + row * (keyHeight + gap),
                width: keyWidth, height: keyHeight)
            button(spec, in: frame)
        }
    }

    /// The width the keypad wants: three 10-column keys for digits, wider for letters.
    package var keypadWidth: Int {
        let gap = context.metrics.gap
        return 3 * max(10, context.metrics.minButtonWidth - 2) + 2 * 2 * gap
    }
}
