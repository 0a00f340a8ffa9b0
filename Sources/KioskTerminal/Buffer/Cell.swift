/// One screen cell: a grapheme cluster, its width, colours and attributes.
///
/// A wide (width 2) glyph occupies two cells: the leading cell holds the grapheme with `width == 2`, the cell to its
/// right is a *continuation* cell (`width == 0`) that belongs to it.
package struct Cell: Hashable, Sendable {
    /// The grapheme cluster shown in the cell (a space for blank and continuation cells).
    package var grapheme: Character
    /// 1 for a narrow glyph, 2 for the leading half of a wide glyph, 0 for the continuation half.
    package var width: UInt8
    /// Colours and attributes.
    package var style: Style

    /// Creates a cell; prefer ``CellBuffer``/``Canvas`` drawing, which keeps the wide-glyph invariants.
    package init(grapheme: Character, width: UInt8, style: Style) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// A blank (space) cell drawn with `style`.
    package static func blank(_ style: Style = .plain) -> Cell {
        Cell(grapheme: " ", width: 1, style: style)
    }

    /// The continuation half of a wide glyph drawn with `style`.
    static func continuation(_ style: Style) -> Cell {
        Cell(grapheme: " ", width: 0, style: style)
    }

    /// Whether this is the right half of a wide glyph.
    package var isContinuation: Bool { width == 0 }

    /// The foreground colour.
    package var foreground: Color {
        get { style.foreground }
        set { style.foreground = newValue }
    }

    /// The background colour.
    package var background: Color {
        get { style.background }
        set { style.background = newValue }
    }

    /// Bold, dim, underline, inverse.
    package var attributes: Attributes {
        get { style.attributes }
        set { style.attributes = newValue }
    }
}
