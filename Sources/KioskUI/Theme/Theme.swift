import KioskTerminal

/// The colours of every part of the screen, chosen from the 16 ANSI colours only (the terminal's
/// palette is set to ``AnsiPalette/assumed`` by the kiosk's terminal configuration).
///
/// Colour is never the only signal: focus also shows as bold text between 「」, and deadline marks are
/// words (超期, 临期) as well as colours.
package struct Theme: Sendable, Equatable {
    /// The theme's name, for logs and configuration (`default`, `high-contrast`).
    package var name: String
    /// The screen background and body text.
    package var body: Style
    /// Titles and headings.
    package var title: Style
    /// Secondary text (hints, page numbers).
    package var hint: Style
    /// A button at rest.
    package var button: Style
    /// The focused button (also bold and bracketed).
    package var focusedButton: Style
    /// A pressed or selected option (chosen reason, chosen address).
    package var selectedButton: Style
    /// The 超期 mark.
    package var overdueMark: Style
    /// The 临期 and 预计 marks.
    package var dueSoonMark: Style
    /// Error and validation messages.
    package var error: Style
    /// Text entry fields.
    package var field: Style
    /// The idle countdown overlay and dialogs.
    package var dialog: Style
    /// The header bar with the site name.
    package var header: Style

    /// Every style that draws text, for the contrast tests.
    package var textStyles: [(String, Style)] {
        [
            ("body", body), ("title", title), ("hint", hint), ("button", button),
            ("focusedButton", focusedButton), ("selectedButton", selectedButton), ("overdueMark", overdueMark),
            ("dueSoonMark", dueSoonMark), ("error", error), ("field", field), ("dialog", dialog),
            ("header", header),
        ]
    }

    /// The everyday theme: white text on blue, light buttons.
    package static let standard = Theme(
        name: "default",
        body: Style(foreground: .brightWhite, background: .blue),
        title: Style(foreground: .brightYellow, background: .blue, attributes: .bold),
        hint: Style(foreground: .white, background: .blue),
        button: Style(foreground: .black, background: .white),
        focusedButton: Style(foreground: .black, background: .brightYellow, attributes: .bold),
        selectedButton: Style(foreground: .brightWhite, background: .black, attributes: .bold),
        overdueMark: Style(foreground: .brightWhite, background: .red, attributes: .bold),
        dueSoonMark: Style(foreground: .black, background: .brightYellow, attributes: .bold),
        error: Style(foreground: .black, background: .brightYellow, attributes: .bold),
        field: Style(foreground: .black, background: .brightWhite),
        dialog: Style(foreground: .black, background: .brightWhite),
        header: Style(foreground: .black, background: .cyan, attributes: .bold)
    )

    /// The high-contrast theme (≥ 7:1 for every text style): white and yellow on black, black on white.
    package static let highContrast = Theme(
        name: "high-contrast",
        body: Style(foreground: .brightWhite, background: .black),
        title: Style(foreground: .brightYellow, background: .black, attributes: .bold),
        hint: Style(foreground: .brightWhite, background: .black),
        button: Style(foreground: .black, background: .brightWhite),
        focusedButton: Style(foreground: .black, background: .brightYellow, attributes: .bold),
        selectedButton: Style(foreground: .brightYellow, background: .black, attributes: [.bold, .underline]),
        overdueMark: Style(foreground: .black, background: .brightYellow, attributes: .bold),
        dueSoonMark: Style(foreground: .brightYellow, background: .black, attributes: [.bold, .underline]),
        error: Style(foreground: .black, background: .brightYellow, attributes: .bold),
        field: Style(foreground: .black, background: .brightWhite),
        dialog: Style(foreground: .black, background: .brightWhite),
        header: Style(foreground: .black, background: .brightWhite, attributes: .bold)
    )

    /// The theme named `name` (`default` or `high-contrast`), or nil.
    package static func named(_ name: String) -> Theme? {
        [standard, highContrast].first { $0.name == name }
    }
}
