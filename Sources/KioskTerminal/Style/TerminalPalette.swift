/// The 16 ANSI colours and the default foreground and background a session sets in the terminal
/// (OSC 4, OSC 10, OSC 11) so that what the kiosk draws does not depend on the terminal's own palette;
/// ``TerminalSession/restore()`` gives the terminal its palette back (OSC 104, 110, 111).
package struct TerminalPalette: Sendable, Equatable {
    /// An sRGB colour with 8-bit channels.
    package struct RGB: Sendable, Equatable, Hashable {
        /// The channels.
        package var red, green, blue: UInt8

        /// Creates a colour.
        package init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
            (self.red, self.green, self.blue) = (red, green, blue)
        }

        /// The X11 colour specification OSC 4/10/11 take: `rgb:rr/gg/bb`.
        var specification: String {
            func hex(_ value: UInt8) -> String {
                let digits = Array("0123456789abcdef")
                return String([digits[Int(value >> 4)], digits[Int(value & 0x0F)]])
            }
            return "rgb:\(hex(red))/\(hex(green))/\(hex(blue))"
        }
    }

    /// Colours 0–15 (black … bright white), in ``Color`` order.
    package var colors: [RGB]
    /// The default foreground (SGR 39).
    package var foreground: RGB
    /// The default background (SGR 49).
    package var background: RGB

    /// Creates a palette; `colors` must hold 16 entries (extra ones are ignored, missing ones not set).
    package init(colors: [RGB], foreground: RGB, background: RGB) {
        self.colors = colors
        self.foreground = foreground
        self.background = background
    }

    /// The OSC sequences that set this palette.
    var setSequence: [UInt8] {
        var text = ""
        for (index, color) in colors.prefix(16).enumerated() {
            text += "\u{1B}]4;\(index);\(color.specification)\u{1B}\\"
        }
        text += "\u{1B}]10;\(foreground.specification)\u{1B}\\"
        text += "\u{1B}]11;\(background.specification)\u{1B}\\"
        return Array(text.utf8)
    }

    /// The OSC sequences that give the terminal its own palette and default colours back.
    static let resetSequence: [UInt8] = Array("\u{1B}]104\u{1B}\\\u{1B}]110\u{1B}\\\u{1B}]111\u{1B}\\".utf8)
}
