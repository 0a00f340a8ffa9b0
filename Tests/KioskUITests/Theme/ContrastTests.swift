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
