/// A rectangle of cells: an `origin` (top-left cell) and a `size`.
package struct Rect: Hashable, Sendable, CustomStringConvertible {
    /// The top-left cell.
    package var origin: Point
    /// The number of columns and rows covered.
    package var size: Size

    /// Creates a rectangle from its top-left cell and size.
    package init(origin: Point, size: Size) {
        self.origin = origin
        self.size = size
    }

    /// Creates a rectangle from coordinates.
    package init(x: Int, y: Int, width: Int, height: Int) {
        self.init(origin: Point(x: x, y: y), size: Size(width: width, height: height))
    }

    /// The left column.
    package var minX: Int { origin.x }
    /// The top row.
    package var minY: Int { origin.y }
    /// One past the right column.
    package var maxX: Int { origin.x + size.width }
    /// One past the bottom row.
    package var maxY: Int { origin.y + size.height }
    /// Number of columns.
    package var width: Int { size.width }
    /// Number of rows.
    package var height: Int { size.height }
    /// Whether the rectangle covers no cell.
    package var isEmpty: Bool { size.isEmpty }

    /// Whether `point` lies inside the rectangle.
    package func contains(_ point: Point) -> Bool {
        point.x >= minX && point.x < maxX && point.y >= minY && point.y < maxY
    }

    /// The overlap of two rectangles (empty, at `origin` of `self`, when they do not overlap).
    package func intersection(_ other: Rect) -> Rect {
        let left = max(minX, other.minX)
        let top = max(minY, other.minY)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(origin: Point(x: left, y: top), size: .zero) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The rectangle shrunk by `dx` columns on the left and right and `dy` rows on the top and bottom.
    package func insetBy(dx: Int, dy: Int) -> Rect {
        Rect(x: minX + dx, y: minY + dy, width: width - 2 * dx, height: height - 2 * dy)
    }

    /// The rectangle moved by `dx` columns and `dy` rows.
    package func offsetBy(dx: Int, dy: Int) -> Rect {
        Rect(x: minX + dx, y: minY + dy, width: width, height: height)
    }

    package var description: String { "\(origin)+\(size)" }
}
