import KioskTerminal

/// A touchable, focusable target laid out on the current frame.
package struct Control: Sendable, Equatable {
    /// What activating it does.
    package var action: UIAction
    /// Where it is, in screen cells.
    package var frame: Rect
    /// The digit (or letter) that activates it from the keypad, shown on the button.
    package var shortcut: Character?

    /// Creates a control.
    package init(action: UIAction, frame: Rect, shortcut: Character? = nil) {
        self.action = action
        self.frame = frame
        self.shortcut = shortcut
    }
}
