/// How a cell is drawn: foreground and background colour plus attributes.
package struct Style: Hashable, Sendable {
    /// The glyph colour.
    package var foreground: Color
    /// The cell colour.
    package var background: Color
    /// Bold, dim, underline, inverse.
    package var attributes: Attributes

    /// Creates a style; everything defaults to the terminal's defaults.
    package init(foreground: Color = .default, background: Color = .default, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default style.
    package static let plain = Style()
}
