/// Breaks receipt text into lines that fit a number of printer columns.
package enum ReceiptLineWrapper {
    /// Wraps `text` greedily so that no line is wider than `columns` (see ``ReceiptTextWidth``).
    ///
    /// Explicit newlines start new lines. Runs of ASCII letters and digits are kept together when the
    /// word fits on a line of its own; CJK text breaks between any two characters. A single character
    /// wider than the line still gets a line of its own (it is never dropped).
    /// - Parameters:
    ///   - text: The text to wrap.
    ///   - columns: The line width in columns (at least 1).
    ///   - indent: Spaces put before every continuation line (a hanging indent for `label：value`).
    /// - Returns: The lines, without trailing newlines; at least one (possibly empty) line.
    package static func wrap(_ text: String, columns: Int, indent: Int = 0) -> [String] {
        let width = max(columns, 1)
        let hanging = min(max(indent, 0), width / 2)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            var wordStart: String.Index? = nil  // start of the trailing ASCII word in `line`
            var wordWidth = 0
            for character in paragraph {
                let charWidth = ReceiptTextWidth.columns(of: character)
                if lineWidth + charWidth > width, !line.isEmpty {
                    let prefix = String(repeating: " ", count: hanging)
                    if let start = wordStart, start > line.startIndex, isWordCharacter(character),
                        wordWidth + charWidth + hanging <= width
                    {
                        // Move the unfinished word to the next line.
                        let word = String(line[start...])
                        lines.append(trimTrailingSpaces(String(line[..<start])))
                        line = prefix + word
                        lineWidth = hanging + wordWidth
                        wordStart = line.index(line.startIndex, offsetBy: hanging)
                    } else {
                        lines.append(trimTrailingSpaces(line))
                        line = prefix
                        lineWidth = hanging
                        wordStart = nil
                        wordWidth = 0
                        if character == " " { continue }
                    }
                }
                if isWordCharacter(character) {
                    if wordStart == nil {
                        wordStart = line.endIndex
                        wordWidth = 0
                    }
                    wordWidth += charWidth
                } else {
                    wordStart = nil
                    wordWidth = 0
                }
                line.append(character)
                lineWidth += charWidth
            }
            lines.append(trimTrailingSpaces(line))
        }
        return lines
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return (ascii >= 0x30 && ascii <= 0x39) || (ascii >= 0x41 && ascii <= 0x5A) || (ascii >= 0x61 && ascii <= 0x7A)
            || ascii == 0x2D || ascii == 0x5F || ascii == 0x2E || ascii == 0x2F
    }

    private static func trimTrailingSpaces(_ line: String) -> String {
        var result = line
        while result.last == " " { result.removeLast() }
        return result
    }
}
