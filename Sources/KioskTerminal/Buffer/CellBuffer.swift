/// A rectangular grid of ``Cell``s, row-major, that keeps the wide-glyph invariants:
/// - a wide glyph is a leading cell (width 2) followed by its continuation cell (width 0);
/// - writing into either half of a wide glyph blanks both halves first;
/// - a wide glyph never starts in the last column of the buffer or of a clip rectangle: a space is drawn instead.
///
/// Draw through a ``Canvas`` (``withCanvas(clip:_:)``) to get clipping and relative coordinates.
package struct CellBuffer: Equatable, Sendable {
    /// Number of columns and rows.
    package private(set) var size: Size
    /// The cells, row by row (`cells[y * size.width + x]`).
    package private(set) var cells: [Cell]

    /// Creates a buffer of `size` filled with blanks drawn in `style`.
    package init(size: Size, style: Style = .plain) {
        self.size = size
        self.cells = Array(repeating: .blank(style), count: size.width * size.height)
    }

    /// An empty buffer.
    package init() {
        self.init(size: .zero)
    }

    /// The whole buffer as a rectangle at the origin.
    package var bounds: Rect { Rect(origin: .zero, size: size) }

    /// The cell at column `x`, row `y` (both must be inside ``bounds``).
    package subscript(x: Int, y: Int) -> Cell {
        precondition(x >= 0 && x < size.width && y >= 0 && y < size.height, "cell (\(x),\(y)) outside \(size)")
        return cells[y * size.width + x]
    }

    /// The cell at `point` (must be inside ``bounds``).
    package subscript(point: Point) -> Cell { self[point.x, point.y] }

    /// Replaces the content by blanks of `size` drawn in `style`.
    package mutating func reset(size: Size, style: Style = .plain) {
        self = CellBuffer(size: size, style: style)
    }

    /// Blanks every cell with `style`.
    package mutating func clear(style: Style = .plain) {
        for index in cells.indices { cells[index] = .blank(style) }
    }

    /// Draws one grapheme cluster at `point`, clipped to `clip` (intersected with ``bounds``).
    ///
    /// Zero-width clusters draw nothing. A wide glyph whose right half would fall outside the clip is replaced by a
    /// space in its left half; one whose left half falls outside the clip leaves a space in its right half.
    /// - Returns: the number of columns the cluster advances the pen (its display width).
    @discardableResult
    package mutating func put(_ character: Character, at point: Point, style: Style, clip: Rect? = nil) -> Int {
        let width = DisplayWidth.of(character)
        guard width > 0 else { return 0 }
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        place(Cell(grapheme: character, width: UInt8(width), style: style), at: point, area: area)
        return width
    }

    /// Places a narrow or wide `cell` at `point`, clipped to `area` (which must lie inside ``bounds``), keeping the
    /// wide-glyph invariants.
    mutating func place(_ cell: Cell, at point: Point, area: Rect) {
        guard point.y >= area.minY, point.y < area.maxY else { return }
        if cell.width == 1 {
            if point.x >= area.minX && point.x < area.maxX { store(cell, x: point.x, y: point.y) }
            return
        }
        let leftInside = point.x >= area.minX && point.x < area.maxX
        let rightInside = point.x + 1 >= area.minX && point.x + 1 < area.maxX
        switch (leftInside, rightInside) {
        case (true, true):
            store(cell, x: point.x, y: point.y)
        case (true, false):
            store(.blank(cell.style), x: point.x, y: point.y)
        case (false, true):
            store(.blank(cell.style), x: point.x + 1, y: point.y)
        case (false, false):
            break
        }
    }

    /// Fills `rect` (clipped to `clip` and ``bounds``) with `character` (narrow; wide ones are drawn pairwise) in
    /// `style`.
    package mutating func fill(_ rect: Rect, with character: Character = " ", style: Style, clip: Rect? = nil) {
        let area = rect.intersection(clip.map { $0.intersection(bounds) } ?? bounds)
        let width = DisplayWidth.of(character)
        guard !area.isEmpty, width > 0 else { return }
        let cell = Cell(grapheme: character, width: UInt8(width), style: style)
        for y in area.minY..<area.maxY {
            var x = area.minX
            while x < area.maxX {
                place(cell, at: Point(x: x, y: y), area: area)
                x += width
            }
        }
    }

    /// Stores `cell` at (`x`, `y`), first blanking any wide glyph either half of which it overwrites.
    /// A wide `cell` also claims the next column as its continuation.
    private mutating func store(_ cell: Cell, x: Int, y: Int) {
        let width = size.width
        let row = y * width
        cells.withUnsafeMutableBufferPointer { cells in
            Self.breakWideGlyph(in: cells, at: x, row: row, width: width)
            cells[row + x] = cell
            if cell.width == 2 {
                Self.breakWideGlyph(in: cells, at: x + 1, row: row, width: width)
                cells[row + x + 1] = .continuation(cell.style)
            }
        }
    }

    /// If column `x` of the row starting at `row` is part of a wide glyph, turns both halves into blanks.
    private static func breakWideGlyph(in cells: UnsafeMutableBufferPointer<Cell>, at x: Int, row: Int, width: Int) {
        let cell = cells[row + x]
        if cell.width == 2, x + 1 < width {
            cells[row + x] = .blank(cell.style)
            cells[row + x + 1] = .blank(cells[row + x + 1].style)
        } else if cell.width == 0, x > 0 {
            cells[row + x] = .blank(cell.style)
            cells[row + x - 1] = .blank(cells[row + x - 1].style)
        }
    }

    /// Runs `body` with a ``Canvas`` over `clip` (default: the whole buffer); everything drawn through it is
    /// clipped to that rectangle and positioned relative to its top-left corner.
    @discardableResult
    package mutating func withCanvas<R>(clip: Rect? = nil, _ body: (inout Canvas) throws -> R) rethrows -> R {
        let rect = clip ?? bounds
        var canvas = Canvas(buffer: CellBuffer(), origin: rect.origin, size: rect.size, clip: rect.intersection(bounds))
        swap(&self, &canvas.buffer)
        defer { swap(&self, &canvas.buffer) }
        return try body(&canvas)
    }
}
