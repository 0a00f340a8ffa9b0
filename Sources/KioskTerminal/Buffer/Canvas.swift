/// A drawing surface over a rectangle of a ``CellBuffer``: coordinates are relative to the rectangle's top-left
/// corner and everything drawn is clipped to it (and to any enclosing canvas).
///
/// Get one from ``CellBuffer/withCanvas(clip:_:)`` or make a stand-alone one with ``init(size:style:)`` and take
/// its ``buffer`` to present it. Narrower canvases come from ``withClip(_:_:)``.
package struct Canvas: Sendable {
    /// The whole buffer being drawn on.
    package internal(set) var buffer: CellBuffer
    /// Where this canvas's (0, 0) lies in the buffer.
    package let origin: Point
    /// The logical size of the canvas (drawing may extend past the buffer; it is clipped).
    package let size: Size
    /// The cells drawing may touch, in buffer coordinates.
    package let clip: Rect

    /// Creates a canvas over `buffer` whose (0, 0) is `origin`, of logical `size`, drawing only inside `clip`.
    init(buffer: CellBuffer, origin: Point, size: Size, clip: Rect) {
        self.buffer = buffer
        self.origin = origin
        self.size = size
        self.clip = clip
    }

    /// A canvas owning a fresh buffer of `size` filled with blanks in `style`.
    package init(size: Size, style: Style = .plain) {
        let buffer = CellBuffer(size: size, style: style)
        self.init(buffer: buffer, origin: .zero, size: size, clip: buffer.bounds)
    }

    /// The canvas as a rectangle at (0, 0), in its own coordinates.
    package var bounds: Rect { Rect(origin: .zero, size: size) }

    /// The cell at `point` (canvas coordinates), or nil when it is clipped away.
    package subscript(point: Point) -> Cell? {
        let absolute = Point(x: origin.x + point.x, y: origin.y + point.y)
        guard clip.contains(absolute) else { return nil }
        return buffer[absolute]
    }

    /// Draws one grapheme cluster at `point`; see ``CellBuffer/put(_:at:style:clip:)``.
    /// - Returns: the columns the pen advances (the cluster's display width).
    @discardableResult
    package mutating func put(_ character: Character, at point: Point, style: Style = .plain) -> Int {
        buffer.put(character, at: Point(x: origin.x + point.x, y: origin.y + point.y), style: style, clip: clip)
    }

    /// Draws `text` on one row starting at `point`, cluster by cluster with correct widths, stopping at the right
    /// edge of the canvas. A wide glyph that would straddle the edge is replaced by a space.
    /// Control characters and other zero-width clusters draw nothing.
    /// - Returns: the number of columns the text advanced (at most the room left on the row).
    @discardableResult
    package mutating func text(_ text: String, at point: Point, style: Style = .plain) -> Int {
        draw(text, at: point, style: style)
    }

    /// Draws `text` (a `Substring` or other string type); see ``text(_:at:style:)-(String,_,_)``.
    /// - Returns: the number of columns the text advanced.
    @discardableResult
    package mutating func text(_ text: some StringProtocol, at point: Point, style: Style = .plain) -> Int {
        draw(text, at: point, style: style)
    }

    /// The drawing loop behind both `text` overloads (specialized here, in this module, for `String`).
    private mutating func draw(_ text: some StringProtocol, at point: Point, style: Style) -> Int {
        var x = point.x
        let y = origin.y + point.y
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex && x < size.width {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            // Fast path: a scalar that forms a cluster on its own (no grapheme breaking needed).
            if Self.isStandalone(scalar) && (next == scalars.endIndex || Self.isStandalone(scalars[next])) {
                let width = DisplayWidth.of(scalar)
                buffer.place(
                    Cell(scalar: scalar, width: UInt8(width), style: style),
                    at: Point(x: origin.x + x, y: y),
                    area: clip
                )
                x += width
                index = next
                continue
            }
            let character = text[index]
            x += put(character, at: Point(x: x, y: point.y), style: style)
            index = text.index(after: index)
        }
        return min(x, max(size.width, point.x)) - point.x
    }

    /// Whether `scalar` always forms a grapheme cluster by itself when followed by another such scalar
    /// (Grapheme_Cluster_Break=Other, non-zero width): printable ASCII, CJK ideographs, CJK punctuation and
    /// full-width forms.
    private static func isStandalone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0x3000...0x3029, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF60: true
        default: false
        }
    }

    /// Fills `rect` (canvas coordinates; default: the whole canvas) with `character` in `style`.
    package mutating func fill(_ rect: Rect? = nil, with character: Character = " ", style: Style) {
        let area = (rect ?? bounds).intersection(bounds).offsetBy(dx: origin.x, dy: origin.y)
        buffer.fill(area, with: character, style: style, clip: clip)
    }

    /// Runs `body` with a canvas over `rect` (in this canvas's coordinates), clipped to this canvas.
    @discardableResult
    package mutating func withClip<R>(_ rect: Rect, _ body: (inout Canvas) throws -> R) rethrows -> R {
        let absolute = rect.offsetBy(dx: origin.x, dy: origin.y)
        var inner = Canvas(
            buffer: CellBuffer(),
            origin: absolute.origin,
            size: rect.size,
            clip: absolute.intersection(clip)
        )
        swap(&buffer, &inner.buffer)
        defer { swap(&buffer, &inner.buffer) }
        return try body(&inner)
    }
}
