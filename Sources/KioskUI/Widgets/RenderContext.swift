import KioskTerminal

/// What every widget needs besides the canvas: strings in the current language, theme and metrics.
package struct RenderContext: Sendable {
    /// All catalogs.
    package var strings: UIStrings
    /// The language to draw in.
    package var language: UILanguage
    /// The colours.
    package var theme: Theme
    /// Standard or 长辈模式 sizes.
    package var metrics: LayoutMetrics
    /// Line breaking with the terminal engine's width table.
    package var breaker: LineBreaker

    /// Creates a context.
    package init(strings: UIStrings, language: UILanguage, theme: Theme, metrics: LayoutMetrics) {
        self.strings = strings
        self.language = language
        self.theme = theme
        self.metrics = metrics
        self.breaker = LineBreaker(width: { DisplayWidth.of($0) })
    }

    /// The text for `key` in the current language.
    package func text(_ key: StringKey, _ arguments: [String: String] = [:]) -> String {
        strings.text(key, in: language, arguments)
    }
}
