/// Turns a desired screen (a ``CellBuffer``) into the fewest bytes that bring the terminal from what it shows now
/// to that screen.
///
/// It keeps the *front* buffer (what the terminal displays) and diffs each new frame against it, cell by cell:
/// changed cells are printed in runs, the cursor is moved with whichever is shortest of `CUP`, relative moves
/// (`CUU`/`CUD`/`CUF`/`CUB`, CR, LF) or re-printing the unchanged cells in between, and SGR changes are minimal.
/// Nothing changed → zero bytes. After ``invalidate()`` (start, resize, write error, periodic self-heal) the next
/// frame is a full repaint. The terminal is assumed to have autowrap off (`CSI ?7l`, re-sent with every full
/// repaint); with ``autowrapIsOff`` false the bottom-right cell is never written.
package struct Renderer: Sendable {
    /// Wraps frames in DEC mode 2026 (synchronized output). Set only after the terminal confirmed support.
    package var synchronizedOutput = false
    /// Whether the terminal's autowrap is off; when false the bottom-right cell is skipped to avoid a scroll.
    package var autowrapIsOff = true
    /// The longest run of unchanged cells re-printed instead of moving the cursor over it.
    private let maxBridge = 12

    /// What the terminal shows; nil forces a full repaint.
    private var front: CellBuffer?
    private var cursor: Point?
    /// False after printing into the last column: the row is known but terminals differ on the column (and on
    /// a pending wrap), so only a carriage return or `CUP` may set the column then.
    private var cursorColumnKnown = false
    private var pen: Style?

    /// Creates a renderer whose first frame is a full repaint.
    package init() {}

    /// Forgets what the terminal shows: the next ``render(_:into:)`` repaints everything.
    package mutating func invalidate() {
        front = nil
        cursor = nil
        cursorColumnKnown = false
        pen = nil
    }

    /// Whether the next frame will be a full repaint.
    package var needsFullRepaint: Bool { front == nil }

    /// Appends the bytes that turn the current screen into `frame` to `output` (nothing when nothing changed).
    package mutating func render(_ frame: CellBuffer, into output: inout [UInt8]) {
        let start = output.count
        if synchronizedOutput { output.append(contentsOf: ControlSequence.beginSynchronizedUpdate) }
        let bodyStart = output.count
        let previous: CellBuffer
        if let front, front.size == frame.size {
            previous = front
        } else {
            // Full repaint: reset the pen, clear to default-coloured blanks, then diff against blanks.
            previous = CellBuffer(size: frame.size)
            output.append(contentsOf: ControlSequence.hideCursor)
            output.append(contentsOf: ControlSequence.autowrapOff)
            output.append(contentsOf: ControlSequence.resetStyle)
            output.append(contentsOf: ControlSequence.clearScreen)
            pen = .plain
            cursor = nil
        }
        diff(from: previous, to: frame, into: &output)
        if output.count == bodyStart {
            output.removeSubrange(start...)  // nothing changed: not even the synchronized-update brackets
        } else if synchronizedOutput {
            output.append(contentsOf: ControlSequence.endSynchronizedUpdate)
        }
        front = frame
    }

    /// Writes the changed cells of every row.
    private mutating func diff(from old: CellBuffer, to new: CellBuffer, into output: inout [UInt8]) {
        let width = new.size.width
        let height = new.size.height
        guard width > 0, height > 0 else { return }
        old.cells.withUnsafeBufferPointer { oldCells in
            new.cells.withUnsafeBufferPointer { newCells in
                for y in 0..<height {
                    let row = y * width
                    var x = 0
                    while x < width {
                        let cell = newCells[row + x]
                        if cell.width == 0 || cell == oldCells[row + x] {
                            x += 1
                            continue
                        }
                        if !autowrapIsOff && y == height - 1 && x + Int(cell.width) >= width { break }
                        moveCursor(to: Point(x: x, y: y), row: row, cells: newCells, width: width, into: &output)
                        emit(cell, into: &output)
                        let advance = Int(cell.width)
                        cursorColumnKnown = x + advance < width
                        cursor = Point(x: min(x + advance, width - 1), y: y)
                        x += advance
                    }
                }
            }
        }
    }

    /// Appends the glyph of `cell` with the SGR change it needs.
    private mutating func emit(_ cell: Cell, into output: inout [UInt8]) {
        if pen != cell.style {
            Self.appendStyleChange(from: pen, to: cell.style, into: &output)
            pen = cell.style
        }
        cell.appendUTF8(to: &output)
    }

    // MARK: - Cursor movement

    /// Moves the cursor to `target` with the shortest sequence.
    private mutating func moveCursor(
        to target: Point,
        row: Int,
        cells: UnsafeBufferPointer<Cell>,
        width: Int,
        into output: inout [UInt8]
    ) {
        guard let current = cursor else {
            appendCUP(target, into: &output)
            cursor = target
            cursorColumnKnown = true
            return
        }
        defer {
            cursor = target
            cursorColumnKnown = true
        }
        if current == target && cursorColumnKnown { return }
        let absolute = cupLength(target)
        let vertical = verticalLength(from: current.y, to: target.y)
        let viaReturn = vertical + 1 + horizontalLength(from: 0, to: target.x)
        guard cursorColumnKnown else {
            if absolute <= viaReturn {
                appendCUP(target, into: &output)
            } else {
                output.append(0x0D)
                appendVertical(from: current.y, to: target.y, into: &output)
                appendHorizontal(from: 0, to: target.x, into: &output)
            }
            return
        }
        if current.y == target.y, target.x > current.x,
            let bridge = bridgeLength(from: current.x, to: target.x, row: row, cells: cells),
            bridge <= min(absolute, horizontalLength(from: current.x, to: target.x), viaReturn)
        {
            for x in current.x..<target.x where cells[row + x].width != 0 {
                cells[row + x].appendUTF8(to: &output)
            }
            return
        }
        let direct = vertical + horizontalLength(from: current.x, to: target.x)
        if absolute <= min(direct, viaReturn) {
            appendCUP(target, into: &output)
        } else if direct <= viaReturn {
            appendVertical(from: current.y, to: target.y, into: &output)
            appendHorizontal(from: current.x, to: target.x, into: &output)
        } else {
            output.append(0x0D)
            appendVertical(from: current.y, to: target.y, into: &output)
            appendHorizontal(from: 0, to: target.x, into: &output)
        }
    }

    /// The bytes needed to re-print the unchanged cells `from..<to` of a row, or nil when that is not possible
    /// (a different style than the pen, a wide glyph cut by the range, too long).
    private func bridgeLength(from start: Int, to end: Int, row: Int, cells: UnsafeBufferPointer<Cell>) -> Int? {
        guard end - start <= maxBridge, let pen, cells[row + start].width != 0 else { return nil }
        var length = 0
        for x in start..<end {
            let cell = cells[row + x]
            if cell.width == 0 { continue }
            guard cell.style == pen, x + Int(cell.width) <= end else { return nil }
            length += cell.utf8Count
        }
        return length
    }

    /// Length of the `CUP` sequence to `target` (row and column omitted where they are 1).
    private func cupLength(_ target: Point) -> Int {
        if target.x == 0 && target.y == 0 { return 3 }
        if target.x == 0 { return 3 + decimalLength(target.y + 1) }
        return 4 + decimalLength(target.y + 1) + decimalLength(target.x + 1)
    }

    /// Appends `CSI row;col H` for `target`, as short as possible.
    private func appendCUP(_ target: Point, into output: inout [UInt8]) {
        output.append(0x1B)
        output.append(UInt8(ascii: "["))
        if target.x == 0 && target.y == 0 {
        } else if target.x == 0 {
            output.appendDecimal(target.y + 1)
        } else {
            output.appendDecimal(target.y + 1)
            output.append(UInt8(ascii: ";"))
            output.appendDecimal(target.x + 1)
        }
        output.append(UInt8(ascii: "H"))
    }

    /// Length of `CSI n X` (n omitted when 1).
    private func relativeLength(_ count: Int) -> Int { count == 1 ? 3 : 3 + decimalLength(count) }

    /// Bytes of the cheapest vertical move (LF × n or `CUD` down, `CUU` up).
    private func verticalLength(from start: Int, to end: Int) -> Int {
        if end == start { return 0 }
        if end > start { return min(end - start, relativeLength(end - start)) }  // LF is one byte per row
        return relativeLength(start - end)
    }

    /// Bytes of a `CUF`/`CUB` move.
    private func horizontalLength(from start: Int, to end: Int) -> Int {
        end == start ? 0 : relativeLength(abs(end - start))
    }

    /// Appends `CSI n final`, omitting n when it is 1.
    private func appendRelative(_ count: Int, _ final: Character, into output: inout [UInt8]) {
        output.append(0x1B)
        output.append(UInt8(ascii: "["))
        if count != 1 { output.appendDecimal(count) }
        output.append(contentsOf: final.utf8)
    }

    /// Appends the cheapest vertical move from row `start` to row `end`.
    private func appendVertical(from start: Int, to end: Int, into output: inout [UInt8]) {
        if end > start {
            if end - start <= relativeLength(end - start) {
                output.append(contentsOf: repeatElement(0x0A, count: end - start))
            } else {
                appendRelative(end - start, "B", into: &output)
            }
        } else if end < start {
            appendRelative(start - end, "A", into: &output)
        }
    }

    /// Appends a `CUF`/`CUB` move from column `start` to column `end`.
    private func appendHorizontal(from start: Int, to end: Int, into output: inout [UInt8]) {
        if end > start {
            appendRelative(end - start, "C", into: &output)
        } else if end < start {
            appendRelative(start - end, "D", into: &output)
        }
    }

    // MARK: - SGR

    /// Appends the shortest SGR sequence turning `old` (nil: unknown) into `new`.
    static func appendStyleChange(from old: Style?, to new: Style, into output: inout [UInt8]) {
        let reset = resetParameters(new)
        var parameters = reset
        if let old {
            let incremental = incrementalParameters(from: old, to: new)
            if parameterLength(incremental) <= parameterLength(reset) { parameters = incremental }
        }
        guard !parameters.isEmpty else { return }
        output.append(0x1B)
        output.append(UInt8(ascii: "["))
        for (index, parameter) in parameters.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ";")) }
            output.appendDecimal(parameter)
        }
        output.append(UInt8(ascii: "m"))
    }

    /// Characters of an SGR parameter list (digits and separators).
    private static func parameterLength(_ parameters: [Int]) -> Int {
        parameters.reduce(parameters.count - 1) { $0 + decimalLength($1) }
    }

    /// `0` followed by everything `style` sets.
    private static func resetParameters(_ style: Style) -> [Int] {
        var parameters = [0]
        parameters += attributeParameters(style.attributes)
        if style.foreground != .default { parameters.append(style.foreground.foregroundSGR) }
        if style.background != .default { parameters.append(style.background.backgroundSGR) }
        return parameters
    }

    /// SGR parameters turning `attributes` on.
    private static func attributeParameters(_ attributes: Attributes) -> [Int] {
        var parameters: [Int] = []
        if attributes.contains(.bold) { parameters.append(1) }
        if attributes.contains(.dim) { parameters.append(2) }
        if attributes.contains(.underline) { parameters.append(4) }
        if attributes.contains(.inverse) { parameters.append(7) }
        return parameters
    }

    /// The changes only: attribute offs (22 clears bold and dim together), attribute ons, colours.
    private static func incrementalParameters(from old: Style, to new: Style) -> [Int] {
        var parameters: [Int] = []
        var current = old.attributes
        let removed = old.attributes.subtracting(new.attributes)
        if !removed.isDisjoint(with: [.bold, .dim]) {
            parameters.append(22)
            current.subtract([.bold, .dim])
        }
        if removed.contains(.underline) {
            parameters.append(24)
            current.remove(.underline)
        }
        if removed.contains(.inverse) {
            parameters.append(27)
            current.remove(.inverse)
        }
        parameters += attributeParameters(new.attributes.subtracting(current))
        if old.foreground != new.foreground { parameters.append(new.foreground.foregroundSGR) }
        if old.background != new.background { parameters.append(new.background.backgroundSGR) }
        return parameters
    }
}
