/// A terminal colour: the terminal's default or one of the 16 ANSI colours (the kiosk defines the palette in the
/// terminal's configuration, so only these are used).
package enum Color: UInt8, Hashable, Sendable, CaseIterable {
    /// The 8 normal ANSI colours (SGR 30–37 / 40–47).
    case black = 0
    case red, green, yellow, blue, magenta, cyan, white
    /// The 8 bright ANSI colours (SGR 90–97 / 100–107).
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
    /// The terminal's default foreground or background.
    case `default` = 255

    /// The SGR parameter selecting this colour as foreground (30–37, 90–97, 39).
    var foregroundSGR: Int {
        switch self {
        case .default: 39
        default: rawValue < 8 ? 30 + Int(rawValue) : 90 + Int(rawValue) - 8
        }
    }

    /// The SGR parameter selecting this colour as background (40–47, 100–107, 49).
    var backgroundSGR: Int {
        switch self {
        case .default: 49
        default: rawValue < 8 ? 40 + Int(rawValue) : 100 + Int(rawValue) - 8
        }
    }
}
