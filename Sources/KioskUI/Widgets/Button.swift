import KioskTerminal

/// A large touch button: a block of background-coloured cells (no box-drawing characters) with its label
/// centred. Focus shows as bold text between 「」 and a different background, so it never relies on
/// colour alone; a keypad shortcut is shown before the label (`1 查询办件`).
package struct ButtonSpec: Sendable, Equatable {
    /// The label.
    package var label: String
    /// What tapping it does.
    package var action: UIAction
    /// The keypad digit that activates it.
    package var shortcut: Character?
    /// Drawn as chosen (a selected reason, the chosen address).
    package var isSelected: Bool

    /// Creates a button description.
    package init(_ label: String, action: UIAction, shortcut: Character? = nil, isSelected: Bool = false) {
        self.label = label
        self.action = action
        self.shortcut = shortcut
        self.isSelected = isSelected
    }

    /// The label as drawn, with the shortcut prefix.
    package var displayLabel: String {
        if let shortcut { return "\(shortcut) \(label)" }
        return label
    }
}

extension ScreenPainter {
    /// Draws a button filling `rect` and registers it as a control.
    package mutating func button(_ spec: ButtonSpec, in rect: Rect) {
        let focused = nextControlIsFocused
        let theme = context.theme
        let style = focused ? theme.focusedButton : (spec.isSelected ? theme.selectedButton : theme.button)
        fill(rect, style: style)
        let label =
            focused
            ? "「" + spec.displayLabel + "」" : (spec.isSelected ? "[" + spec.displayLabel + "]" : spec.displayLabel)
        let inner = Rect(x: rect.minX + 1, y: rect.minY, width: max(0, rect.width - 2), height: rect.height)
        centredText(label, in: inner, row: rect.minY + rect.height / 2, style: style)
        register(spec.action, frame: rect, shortcut: spec.shortcut)
    }

    /// The columns a button needs for `spec`'s label (focus brackets included) with one cell of padding
    /// each side, at least the layout's minimum width.
    package func buttonWidth(_ spec: ButtonSpec) -> Int {
        max(context.metrics.minButtonWidth, context.breaker.displayWidth(spec.displayLabel) + 4 + 2)
    }

    /// Lays `buttons` out left to right in `rect`, wrapping onto more rows when they do not fit, each row
    /// `metrics.buttonHeight` tall with `metrics.gap` between targets.
    ///
    /// - Returns: The rows used (0 when nothing was drawn).
    @discardableResult
    package mutating func buttonRow(_ buttons: [ButtonSpec], in rect: Rect, height: Int? = nil) -> Int {
        let rows = layoutButtons(buttons, width: rect.width, height: height)
        var used = 0
        for (index, frame) in rows.enumerated() {
            let placed = frame.offsetBy(dx: rect.minX, dy: rect.minY)
            button(buttons[index], in: placed)
            used = max(used, frame.maxY)
        }
        return used
    }

    /// The frames (relative to a rect of `width`) ``buttonRow(_:in:height:)`` would use.
    package func layoutButtons(_ buttons: [ButtonSpec], width: Int, height: Int? = nil) -> [Rect] {
        let gap = context.metrics.gap * 2
        let rowHeight = height ?? context.metrics.buttonHeight
        var frames: [Rect] = []
        var x = 0
        var y = 0
        for spec in buttons {
            let w = min(buttonWidth(spec), width)
            if x > 0 && x + w > width {
                x = 0
                y += rowHeight + context.metrics.gap
            }
            frames.append(Rect(x: x, y: y, width: w, height: rowHeight))
            x += w + gap
        }
        return frames
    }
}
