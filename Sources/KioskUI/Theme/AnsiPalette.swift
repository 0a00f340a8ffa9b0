import Foundation
import KioskTerminal

/// The RGB values the kiosk assumes for the 16 ANSI colours (xterm's defaults), and WCAG contrast
/// arithmetic over them. The kiosk's terminal configuration (foot `[colors]`, kmscon `--palette=custom`)
/// must set exactly these values for the contrast guarantees to hold.
package enum AnsiPalette {
    /// An sRGB colour with 8-bit channels.
    package struct RGB: Sendable, Equatable {
        package var red: UInt8
        package var green: UInt8
        package var blue: UInt8

        /// Creates a colour.
        package init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
            self.red = red
            self.green = green
            self.blue = blue
        }

        /// WCAG 2 relative luminance.
        package var relativeLuminance: Double {
            func linear(_ channel: UInt8) -> Double {
                let c = Double(channel) / 255
                return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
        }
    }

    /// The assumed palette (xterm defaults). `.default` is taken as black background / white text.
    package static func assumed(_ color: Color, asForeground: Bool) -> RGB {
        switch color {
        case .black: RGB(0, 0, 0)
        case .red: RGB(205, 0, 0)
        case .green: RGB(0, 205, 0)
        case .yellow: RGB(205, 205, 0)
        case .blue: RGB(0, 0, 238)
        case .magenta: RGB(205, 0, 205)
        case .cyan: RGB(0, 205, 205)
        case .white: RGB(229, 229, 229)
        case .brightBlack: RGB(127, 127, 127)
        case .brightRed: RGB(255, 0, 0)
        case .brightGreen: RGB(0, 255, 0)
        case .brightYellow: RGB(255, 255, 0)
        case .brightBlue: RGB(92, 92, 255)
        case .brightMagenta: RGB(255, 0, 255)
        case .brightCyan: RGB(0, 255, 255)
        case .brightWhite: RGB(255, 255, 255)
        case .default: asForeground ? RGB(229, 229, 229) : RGB(0, 0, 0)
        }
    }

    /// The WCAG contrast ratio (1…21) between a style's foreground and background; inverse video swaps them,
    /// which does not change the ratio.
    package static func contrast(of style: Style) -> Double {
        let foreground = assumed(style.foreground, asForeground: true).relativeLuminance
        let background = assumed(style.background, asForeground: false).relativeLuminance
        let (light, dark) = foreground > background ? (foreground, background) : (background, foreground)
        return (light + 0.05) / (dark + 0.05)
    }
}
