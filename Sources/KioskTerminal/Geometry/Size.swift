/// A size in cells: `width` columns by `height` rows.
package struct Size: Hashable, Sendable, CustomStringConvertible {
    /// Number of columns.
    package var width: Int
    /// Number of rows.
    package var height: Int

    /// Creates a size of `width` columns by `height` rows (negative values are clamped to zero).
    package init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The empty size.
    package static let zero = Size(width: 0, height: 0)

    /// Whether the size holds no cell.
    package var isEmpty: Bool { width == 0 || height == 0 }

    package var description: String { "\(width)x\(height)" }
}
