/// The control sequences the engine writes, as bytes.
enum ControlSequence {
    /// Switch to the alternate screen (no scrollback).
    static let enterAlternateScreen: [UInt8] = Array("\u{1B}[?1049h".utf8)
    /// Back to the main screen.
    static let leaveAlternateScreen: [UInt8] = Array("\u{1B}[?1049l".utf8)
    /// Hide the cursor (DECTCEM off).
    static let hideCursor: [UInt8] = Array("\u{1B}[?25l".utf8)
    /// Show the cursor.
    static let showCursor: [UInt8] = Array("\u{1B}[?25h".utf8)
    /// Autowrap off (DECAWM): printing in the last column never scrolls.
    static let autowrapOff: [UInt8] = Array("\u{1B}[?7l".utf8)
    /// Autowrap back on.
    static let autowrapOn: [UInt8] = Array("\u{1B}[?7h".utf8)
    /// Button-event tracking (1002) with SGR encoding (1006).
    static let mouseOn: [UInt8] = Array("\u{1B}[?1002h\u{1B}[?1006h".utf8)
    static let mouseOff: [UInt8] = Array("\u{1B}[?1006l\u{1B}[?1002l".utf8)
    /// Bracketed paste off.
    static let bracketedPasteOff: [UInt8] = Array("\u{1B}[?2004l".utf8)
    /// SGR reset.
    static let resetStyle: [UInt8] = Array("\u{1B}[0m".utf8)
    /// Cursor to the top-left.
    static let home: [UInt8] = Array("\u{1B}[H".utf8)
    /// Erase the whole screen (with the current background).
    static let clearScreen: [UInt8] = Array("\u{1B}[2J".utf8)
    /// Erase the scrollback (xterm `ED 3`), for privacy between citizens.
    static let clearScrollback: [UInt8] = Array("\u{1B}[3J".utf8)
    /// Begin a synchronized update (DEC mode 2026).
    static let beginSynchronizedUpdate: [UInt8] = Array("\u{1B}[?2026h".utf8)
    /// End a synchronized update.
    static let endSynchronizedUpdate: [UInt8] = Array("\u{1B}[?2026l".utf8)
    /// DECRQM for synchronized output followed by DA1 as the sentinel every terminal answers.
    static let probeSynchronizedOutput: [UInt8] = Array("\u{1B}[?2026$p\u{1B}[c".utf8)
}

extension Array where Element == UInt8 {
    /// Appends the decimal digits of a non-negative integer.
    mutating func appendDecimal(_ value: Int) {
        if value < 10 {
            append(UInt8(truncatingIfNeeded: 0x30 + value))
            return
        }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            append(UInt8(truncatingIfNeeded: 0x30 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}

/// The number of decimal digits of a non-negative integer.
func decimalLength(_ value: Int) -> Int {
    var length = 1
    var rest = value
    while rest >= 10 {
        rest /= 10
        length += 1
    }
    return length
}

extension ControlSequence {
    /// Bracketed paste on: pastes arrive between `CSI 200~` and `CSI 201~` and are swallowed.
    static let bracketedPasteOn: [UInt8] = Array("\u{1B}[?2004h".utf8)
}
