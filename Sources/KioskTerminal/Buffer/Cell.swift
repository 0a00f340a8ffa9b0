/// One screen cell: a grapheme cluster, its width, colours and attributes.
///
/// A wide (width 2) glyph occupies two cells: the leading cell holds the grapheme with `width == 2`, the cell to its
/// right is a *continuation* cell (`width == 0`) that belongs to it.
///
/// Storage: a single-scalar grapheme (nearly all text) is kept as its scalar value, so comparing and emitting cells
/// never touches `String`; multi-scalar clusters are kept as a `String`.
package struct Cell: Hashable, Sendable {
    /// The scalar value of a single-scalar grapheme; 0 when ``cluster`` holds the grapheme.
    private(set) var scalarValue: UInt32
    /// A multi-scalar grapheme cluster, or nil.
    private(set) var cluster: String?
    /// 1 for a narrow glyph, 2 for the leading half of a wide glyph, 0 for the continuation half.
    package var width: UInt8
    /// Colours and attributes.
    package var style: Style

    /// Creates a cell; prefer ``CellBuffer``/``Canvas`` drawing, which keeps the wide-glyph invariants.
    package init(grapheme: Character, width: UInt8, style: Style) {
        let scalars = grapheme.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first, scalar.value != 0 {
            scalarValue = scalar.value
            cluster = nil
        } else {
            scalarValue = 0
            cluster = String(grapheme)
        }
        self.width = width
        self.style = style
    }

    /// Creates a cell holding one scalar.
    init(scalar: Unicode.Scalar, width: UInt8, style: Style) {
        scalarValue = scalar.value
        cluster = nil
        self.width = width
        self.style = style
    }

    /// The grapheme cluster shown in the cell (a space for blank and continuation cells).
    package var grapheme: Character {
        get {
            if let cluster { return Character(cluster) }
            return Character(Unicode.Scalar(scalarValue) ?? " ")
        }
        set {
            self = Cell(grapheme: newValue, width: width, style: style)
        }
    }

    /// Appends the grapheme's UTF-8 bytes.
    func appendUTF8(to output: inout [UInt8]) {
        if let cluster {
            output.append(contentsOf: cluster.utf8)
            return
        }
        let value = scalarValue
        switch value {
        case 0..<0x80:
            output.append(UInt8(truncatingIfNeeded: value))
        case 0x80..<0x800:
            output.append(UInt8(truncatingIfNeeded: 0xC0 | value >> 6))
            output.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(truncatingIfNeeded: 0xE0 | value >> 12))
            output.append(UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F))
            output.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
        default:
            output.append(UInt8(truncatingIfNeeded: 0xF0 | value >> 18))
            output.append(UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F))
            output.append(UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F))
            output.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
        }
    }

    /// The number of UTF-8 bytes of the grapheme.
    var utf8Count: Int {
        if let cluster { return cluster.utf8.count }
        switch scalarValue {
        case 0..<0x80: return 1
        case 0x80..<0x800: return 2
        case 0x800..<0x10000: return 3
        default: return 4
        }
    }

    /// A blank (space) cell drawn with `style`.
    package static func blank(_ style: Style = .plain) -> Cell {
        Cell(scalar: " ", width: 1, style: style)
    }

    /// The continuation half of a wide glyph drawn with `style`.
    static func continuation(_ style: Style) -> Cell {
        Cell(scalar: " ", width: 0, style: style)
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
