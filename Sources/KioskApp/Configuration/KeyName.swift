import KioskTerminal

/// Key names as written in the configuration (`maintenance.key_sequence`).
///
/// `F1`…`F12`; `KP0`…`KP9`, `KP*`, `KP#`, `KP+`, `KP-`, `KP.`, `KP/` and `KPEnter` for the numeric
/// keypad; `Enter`, `Esc`, `Tab`, `Backspace`, `Up`, `Down`, `Left`, `Right`, `Home`, `End`, `PgUp`,
/// `PgDn`, `Insert`, `Delete`; any other single character stands for itself.
enum KeyName {
    /// The key a name stands for, or `nil` when the name means nothing.
    static func parse(_ name: String) -> Key? {
        let upper = name.uppercased()
        if upper.hasPrefix("F"), let number = Int(upper.dropFirst()), (1...12).contains(number) {
            return .function(number)
        }
        if upper == "KPENTER" { return .keypadEnter }
        if upper.hasPrefix("KP"), upper.count == 3, let character = upper.last, "0123456789*#+-./".contains(character) {
            return .keypad(character)
        }
        switch upper {
        case "ENTER": return .enter
        case "ESC", "ESCAPE": return .escape
        case "TAB": return .tab
        case "BACKSPACE": return .backspace
        case "UP": return .up
        case "DOWN": return .down
        case "LEFT": return .left
        case "RIGHT": return .right
        case "HOME": return .home
        case "END": return .end
        case "PGUP", "PAGEUP": return .pageUp
        case "PGDN", "PAGEDOWN": return .pageDown
        case "INSERT": return .insert
        case "DELETE": return .delete
        default: break
        }
        return name.count == 1 ? .character(name.first!) : nil
    }
}
