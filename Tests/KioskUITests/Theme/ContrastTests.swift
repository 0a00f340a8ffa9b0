import KioskTerminal
import KioskUI
import Testing

/// Contrast of every text style against the assumed palette (xterm defaults, see AnsiPalette).
@Suite struct ContrastTests {
    @Test("the assumed palette gives the WCAG extremes")
    func extremes() {
        #expect(abs(AnsiPalette.contrast(of: Style(foreground: .brightWhite, background: .black)) - 21) < 0.01)
        #expect(abs(AnsiPalette.contrast(of: Style(foreground: .black, background: .black)) - 1) < 0.01)
    }

    /// White on foot.ini's old regular4 (108,182,255) is what citizens saw in real foot: 2.15:1.
    @Test("the checker rejects the pair seen in foot")
    func knownBadPair() {
        let ratio = AnsiPalette.contrast(.init(255, 255, 255), .init(108, 182, 255))
        #expect(abs(ratio - 2.15) < 0.01)
        #expect(ratio < 4.5)
    }

    /// The palette the kiosk sets in its terminal is exactly the one the contrast is computed with.
    @Test("the kiosk sets the palette its contrast is computed with")
    func terminalPaletteIsTheAssumedOne() {
        let palette = AnsiPalette.terminalPalette(for: .standard)
        for color in Color.allCases where color != .default {
            let assumed = AnsiPalette.assumed(color, asForeground: true)
            #expect(palette.colors[Int(color.rawValue)] == .init(assumed.red, assumed.green, assumed.blue))
        }
        let body = AnsiPalette.assumed(Theme.standard.body.background, asForeground: false)
        #expect(palette.background == .init(body.red, body.green, body.blue))
    }

    /// The fallback for a terminal that ignores OSC 4: the high-contrast theme uses only black, white and
    /// yellow, which stay >= 7:1 in the palettes real terminals ship with.
    @Test("high contrast holds under real terminals' own palettes", arguments: ["xterm", "linux", "foot"])
    func highContrastUnderOtherPalettes(palette name: String) {
        let palettes: [String: [Color: AnsiPalette.RGB]] = [
            "xterm": [.black: .init(0, 0, 0), .brightWhite: .init(255, 255, 255), .brightYellow: .init(255, 255, 0)],
            "linux": [.black: .init(0, 0, 0), .brightWhite: .init(255, 255, 255), .brightYellow: .init(255, 255, 85)],
            // foot 1.13's built-in defaults (regular0, bright7, bright3; /etc/xdg/foot/foot.ini).
            "foot": [
                .black: .init(0x22, 0x22, 0x22), .brightWhite: .init(255, 255, 255),
                .brightYellow: .init(0xf0, 0xdf, 0xaf),
            ],
        ]
        let palette = palettes[name]!
        for (style, value) in Theme.highContrast.textStyles {
            guard let foreground = palette[value.foreground], let background = palette[value.background] else {
                Issue.record("\(style) uses a colour outside black, white and yellow: \(value)")
                continue
            }
            let ratio = AnsiPalette.contrast(foreground, background)
            #expect(ratio >= 7, "\(style) under \(name): \(ratio):1")
        }
    }

    /// kmscon (libtsm) and the Linux console draw bold text in colours 0–7 in the bright colour 8–15.
    /// With xterm's colour 8 (grey 127,127,127) the themes' bold black on bright yellow came out at 3.7:1.
    @Test("bold text keeps its contrast where bold brightens colours 0–7", arguments: [Theme.standard, .highContrast])
    func boldBrightening(theme: Theme) {
        let minimum = theme == .highContrast ? 7.0 : 4.5
        for (name, style) in theme.textStyles where style.attributes.contains(.bold) {
            guard style.foreground != .default, style.foreground.rawValue < 8,
                let bright = Color(rawValue: style.foreground.rawValue + 8)
            else { continue }
            let ratio = AnsiPalette.contrast(
                AnsiPalette.assumed(bright, asForeground: true),
                AnsiPalette.assumed(style.background, asForeground: false))
            #expect(ratio >= minimum, "\(theme.name) \(name) drawn bold in kmscon: \(ratio):1")
        }
        // The pair kmscon showed before colour 8 was made black.
        #expect(AnsiPalette.contrast(.init(127, 127, 127), .init(255, 255, 0)) < 4.5)
    }

    @Test("high-contrast theme: every text style is at least 7:1")
    func highContrastIsAAA() {
        for (name, style) in Theme.highContrast.textStyles {
            let ratio = AnsiPalette.contrast(of: style)
            #expect(ratio >= 7, "\(name) is \(ratio):1")
        }
    }

    @Test("default theme: every text style is at least 4.5:1 (rule R24)")
    func defaultIsAA() {
        for (name, style) in Theme.standard.textStyles {
            let ratio = AnsiPalette.contrast(of: style)
            #expect(ratio >= 4.5, "\(name) is \(ratio):1")
        }
    }

    @Test("focus differs from rest by more than colour")
    func focusNotColourOnly() {
        for theme in [Theme.standard, .highContrast] {
            #expect(theme.focusedButton.attributes.contains(.bold))
            #expect(!theme.button.attributes.contains(.bold))
        }
    }

    @Test("themes are found by name")
    func named() {
        #expect(Theme.named("high-contrast") == .highContrast)
        #expect(Theme.named("default") == .standard)
        #expect(Theme.named("neon") == nil)
    }
}
