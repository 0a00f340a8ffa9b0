/// Terminal column widths of scalars, grapheme clusters and strings, from the generated ``WidthTable``
/// (Unicode 15; ambiguous-width characters count 1). Independent of the C library and its locale.
package enum DisplayWidth {
    /// The Unicode version the width table was generated from.
    package static var unicodeVersion: String { WidthTable.unicodeVersion }

    /// The column width of one scalar: 0 (combining marks, format and control characters), 1 or 2
    /// (East Asian Wide/Fullwidth, emoji presentation pictographs).
    package static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        if value >= 0x4E00 && value <= 0x9FFF { return 2 }  // CJK Unified Ideographs, the common case
        let ranges = WidthTable.ranges
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if value < range.first {
                high = middle - 1
            } else if value > range.last {
                low = middle + 1
            } else {
                return Int(range.width)
            }
        }
        return 1
    }

    /// Whether `scalar` is Extended_Pictographic (Unicode emoji data).
    package static func isPictographic(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0xA9 && contains(WidthTable.pictographic, scalar.value)
    }

    /// Whether `scalar` has East_Asian_Width "A" (ambiguous): counted as 1 column here, but drawn 2 columns wide by
    /// some CJK fonts and terminals (“ ” … — · ① ■ → ★ box drawing). UI strings should avoid these.
    package static func isAmbiguous(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0xA1 && contains(WidthTable.ambiguous, scalar.value)
    }

    /// Binary search of sorted, non-overlapping ranges.
    private static func contains(_ ranges: [(first: UInt32, last: UInt32)], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < ranges[middle].first {
                high = middle - 1
            } else if value > ranges[middle].last {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// The column width of a grapheme cluster: the width of its first non-zero-width scalar, 2 when a VS16
    /// (U+FE0F) follows a pictographic base, clamped to 2. A cluster of zero-width scalars only is 0.
    package static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        let firstWidth = of(first)
        // Fast path: a single scalar (nearly all text).
        guard let second = iterator.next() else { return firstWidth }
        var width = firstWidth
        var base: Unicode.Scalar? = firstWidth > 0 ? first : nil
        var next: Unicode.Scalar? = second
        while let scalar = next {
            if scalar.value == 0xFE0F, let pictograph = base, isPictographic(pictograph) {
                return 2
            }
            if base == nil {
                let scalarWidth = of(scalar)
                if scalarWidth > 0 {
                    base = scalar
                    width = scalarWidth
                }
            }
            next = iterator.next()
        }
        return min(width, 2)
    }

    /// The column width of a string: the sum of its grapheme clusters' widths.
    package static func of(_ string: some StringProtocol) -> Int {
        var total = 0
        for character in string { total += of(character) }
        return total
    }
}

extension Character {
    /// The number of terminal columns this grapheme cluster occupies (0, 1 or 2); see ``DisplayWidth``.
    package var displayWidth: Int { DisplayWidth.of(self) }
}

extension StringProtocol {
    /// The number of terminal columns this text occupies; see ``DisplayWidth``.
    package var displayWidth: Int { DisplayWidth.of(self) }

    /// The longest prefix whose display width is at most `columns` (never splits a grapheme cluster).
    package func prefix(displayWidth columns: Int) -> Substring {
        var used = 0
        var end = startIndex
        for index in indices {
            let width = DisplayWidth.of(self[index])
            if used + width > columns { break }
            used += width
            end = self.index(after: index)
        }
        return Substring(self[startIndex..<end])
    }
}
