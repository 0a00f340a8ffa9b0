/// A key the terminal reported.
package enum Key: Hashable, Sendable {
    /// Printable text: one grapheme cluster (Chinese, Latin, digits, punctuation…).
    case character(Character)
    /// Ctrl + a letter or symbol, reported by its lowercase letter (`control("c")` for Ctrl-C, byte 0x03), or
    /// `@ [ \ ] ^ _` for the other C0 bytes.
    case control(Character)
    /// Enter (CR or LF), Tab, Shift-Tab (`CSI Z`), Backspace (0x7F or 0x08), Escape (a lone ESC after the timeout).
    case enter, tab, backTab, backspace, escape
    /// The arrow keys (CSI or SS3 form).
    case up, down, left, right
    /// The editing keys (`CSI n ~`, or `CSI H`/`CSI F` for Home/End).
    case home, end, pageUp, pageDown, insert, delete
    /// F1…F12 (`function(1)` is F1).
    case function(Int)
    /// A key of the numeric keypad in application mode: `"0"`…`"9"`, `"."`, `"+"`, `"-"`, `"*"`, `"/"`, `"="`,
    /// `","`; the keypad's Enter is ``keypadEnter``.
    case keypad(Character)
    /// Enter on the numeric keypad in application mode (`SS3 M`).
    case keypadEnter
}

/// Modifier keys held with a key or mouse button.
package struct Modifiers: OptionSet, Hashable, Sendable {
    package let rawValue: UInt8

    /// Creates modifiers from their bits.
    package init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Shift.
    package static let shift = Modifiers(rawValue: 1 << 0)
    /// Alt (also an ESC prefix).
    package static let alt = Modifiers(rawValue: 1 << 1)
    /// Control.
    package static let control = Modifiers(rawValue: 1 << 2)
    /// Meta.
    package static let meta = Modifiers(rawValue: 1 << 3)

    /// Decodes the xterm modifier parameter (`1 + bits`, as in `CSI 1;5A`).
    init(xtermParameter: Int) {
        let bits = max(0, xtermParameter - 1)
        self.init(rawValue: UInt8(truncatingIfNeeded: bits & 0x0F))
    }
}

/// A key press with its modifiers.
package struct KeyPress: Hashable, Sendable {
    /// The key.
    package var key: Key
    /// Modifiers held (Alt comes from an ESC prefix; Shift/Ctrl/Alt from xterm's `;m` parameter).
    package var modifiers: Modifiers

    /// Creates a key press.
    package init(_ key: Key, modifiers: Modifiers = []) {
        self.key = key
        self.modifiers = modifiers
    }
}
