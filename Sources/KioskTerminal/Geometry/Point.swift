/// A cell position on the screen: `x` is the column, `y` the row, both zero-based from the top-left.
package struct Point: Hashable, Sendable, CustomStringConvertible {
    /// The column, zero-based.
    package var x: Int
    /// The row, zero-based.
    package var y: Int

    /// Creates a point at column `x`, row `y`.
    package init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    /// The top-left corner.
    package static let zero = Point(x: 0, y: 0)

    package var description: String { "(\(x),\(y))" }
}
