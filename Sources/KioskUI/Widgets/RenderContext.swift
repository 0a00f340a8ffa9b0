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

    /// A context for a screen drawn outside a citizen's session (暂停服务, the staff console):
    /// standard sizes for `size`.
    package init(strings: UIStrings, language: UILanguage, theme: Theme, size: Size) {
        self.init(
            strings: strings, language: language, theme: theme,
            metrics: .resolve(elder: false, width: size.width, height: size.height))
    }

    /// The text for `key` in the current language.
    package func text(_ key: StringKey, _ arguments: [String: String] = [:]) -> String {
        strings.text(key, in: language, arguments)
    }
}
