import Foundation
import KioskTerminal

/// The RGB values of the 16 ANSI colours the kiosk draws with (xterm's defaults, except a deep
/// "government" blue for colour 4 and black for colour 8), and WCAG contrast arithmetic over them.
///
/// Colour 8 is black, not xterm's grey, because kmscon (libtsm) and the Linux console draw bold text in
/// colours 0–7 in the bright colour 8–15: the themes' bold black on yellow would come out grey on
/// yellow (3.7:1). No theme draws with colour 8 itself. The kiosk sets exactly
/// these values in its terminal while it runs (``terminalPalette(for:)``, OSC 4), and the shipped foot
/// `[colors]` and kmscon palette say the same, so the contrast guarantees hold whatever the
/// terminal's own palette is.
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

    /// The kiosk's palette. `.default` is taken as black background / white text.
    package static func assumed(_ color: Color, asForeground: Bool) -> RGB {
        switch color {
        case .black: RGB(0, 0, 0)
        case .red: RGB(205, 0, 0)
        case .green: RGB(0, 205, 0)
        case .yellow: RGB(205, 205, 0)
        case .blue: RGB(0, 51, 153)
        case .magenta: RGB(205, 0, 205)
        case .cyan: RGB(0, 205, 205)
        case .white: RGB(229, 229, 229)
        case .brightBlack: RGB(0, 0, 0)  // what bold black becomes in kmscon: keep it black
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

    /// The WCAG contrast ratio (1…21) between two colours.
    package static func contrast(_ first: RGB, _ second: RGB) -> Double {
        let (a, b) = (first.relativeLuminance, second.relativeLuminance)
        let (light, dark) = a > b ? (a, b) : (b, a)
        return (light + 0.05) / (dark + 0.05)
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

extension AnsiPalette {
    /// The palette the kiosk sets in its terminal (OSC 4/10/11) while it runs: exactly the
    /// ``assumed(_:asForeground:)`` colours the contrast guarantees are computed with, whatever the
    /// terminal's own palette is; the default background and foreground are `theme`'s body colours, so
    /// pixels outside the cell grid match the screen.
    package static func terminalPalette(for theme: Theme) -> TerminalPalette {
        func rgb(_ color: Color, foreground: Bool) -> TerminalPalette.RGB {
            let value = assumed(color, asForeground: foreground)
            return TerminalPalette.RGB(value.red, value.green, value.blue)
        }
        let colors = Color.allCases.filter { $0 != .default }.map { rgb($0, foreground: true) }
        return TerminalPalette(
            colors: colors, foreground: rgb(theme.body.foreground, foreground: true),
            background: rgb(theme.body.background, foreground: false))
    }
}
