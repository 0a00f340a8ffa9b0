/// A mouse (or touch-as-mouse) button event reported with SGR encoding (`CSI < b;x;y M/m`). Motion is never
/// reported: the decoder drops it.
package struct MouseEvent: Hashable, Sendable {
    /// Which button.
    package enum Button: Hashable, Sendable {
        /// The three buttons (a tap on a touch panel is `left`).
        case left, middle, right
        /// Wheel steps (reported as presses).
        case wheelUp, wheelDown
        /// Another button (SGR button code without modifier bits).
        case other(Int)
    }

    /// Whether the button went down or up.
    package enum Kind: Hashable, Sendable {
        /// Button down / button up.
        case press, release
    }

    /// Press or release.
    package var kind: Kind
    /// The button.
    package var button: Button
    /// The cell, zero-based (SGR reports are one-based; the decoder converts).
    package var position: Point
    /// Shift/Alt/Control held.
    package var modifiers: Modifiers

    /// Creates a mouse event.
    package init(kind: Kind, button: Button, position: Point, modifiers: Modifiers = []) {
        self.kind = kind
        self.button = button
        self.position = position
        self.modifiers = modifiers
    }
}
