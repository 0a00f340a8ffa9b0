/// Breaks text into lines of at most a given display width, following the Chinese line-breaking rules
/// (禁则) the kiosk needs.
///
/// - A break may fall between any two CJK characters.
/// - A run of non-space ASCII characters (a word, a number, a 办件编号) stays together unless it is
///   longer than a whole line.
/// - No line starts with closing punctuation (。，、；：？！）》」 and friends); no line ends with opening
///   punctuation (（《「 and friends). The breaker moves the preceding character down instead.
/// - `\n` forces a break; spaces at a break are dropped.
///
/// Widths come from a caller-supplied function, so the rules are testable without the terminal engine.
package struct LineBreaker: Sendable {
    /// Characters that must not begin a line.
    package static let noLineStart: Set<Character> = [
        "。", "，", "、", "；", "：", "？", "！", "）", "》", "」", "』", "】", "〕", "〉", "～", "．",
        ",", ".", ";", ":", "?", "!", ")", "]", "}", "%",
    ]
    /// Characters that must not end a line.
    package static let noLineEnd: Set<Character> = ["（", "《", "「", "『", "【", "〔", "〈", "(", "[", "{"]

    /// The display width of one character (grapheme cluster), in terminal columns.
    package let width: @Sendable (Character) -> Int

    /// Creates a breaker measuring characters with `width`.
    package init(width: @escaping @Sendable (Character) -> Int) {
        self.width = width
    }

    private struct Token {
        var text: String
        var width: Int
        var isSpace: Bool
        var isNewline: Bool
        var first: Character?
        var last: Character?
    }

    /// Splits `text` into lines no wider than `maxWidth` columns.
    ///
    /// - Parameters:
    ///   - text: The text; `\n` forces a line break.
    ///   - maxWidth: The available columns; values below 2 are treated as 2 so a wide glyph always fits.
    /// - Returns: The lines, without trailing spaces; an empty text gives no lines.
    package func wrap(_ text: String, maxWidth: Int) -> [String] {
        let limit = max(2, maxWidth)
        var lines: [String] = []
        var current: [Token] = []
        var currentWidth = 0

        func flush() {
            while let last = current.last, last.isSpace { current.removeLast() }
            lines.append(current.map(\.text).joined())
            current = []
            currentWidth = 0
        }

        func append(_ token: Token) {
            if current.isEmpty && token.isSpace { return }
            current.append(token)
            currentWidth += token.width
        }

        for token in tokenize(text) {
            if token.isNewline {
                flush()
                continue
            }
            if currentWidth + token.width <= limit {
                append(token)
                continue
            }
            if token.isSpace {
                flush()
                continue
            }
            if token.width > limit {
                // A word longer than a line: fill the rest of this line, then continue on fresh lines.
                for character in token.text {
                    let piece = makeToken(String(character))
                    if currentWidth + piece.width > limit { flush() }
                    append(piece)
                }
                continue
            }
            var carried: [Token] = []
            if let first = token.first, Self.noLineStart.contains(first) {
                // Take the previous character down with the closing punctuation (and any run of
                // closing punctuation before it).
                while current.count > 1, let last = current.last {
                    current.removeLast()
                    carried.insert(last, at: 0)
                    guard let lastCharacter = last.first, Self.noLineStart.contains(lastCharacter) else { break }
                }
            }
            while current.count > 1, let last = current.last, let character = last.last,
                Self.noLineEnd.contains(character)
            {
                current.removeLast()
                carried.insert(last, at: 0)
            }
            let carriedWidth = carried.reduce(0) { $0 + $1.width }
            if carriedWidth + token.width > limit {
                // The rule cannot be kept without overflowing; put the tokens back and break plainly.
                current.append(contentsOf: carried)
                carried = []
            }
            flush()
            for piece in carried { append(piece) }
            append(token)
        }
        if !current.isEmpty { flush() }
        return lines
    }

    /// The total display width of `text`.
    package func displayWidth(_ text: String) -> Int {
        text.reduce(0) { $0 + width($1) }
    }

    /// The longest prefix of `text` no wider than `maxWidth` columns (a wide glyph that would cross the
    /// limit is left out, never split).
    package func truncate(_ text: String, maxWidth: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let w = width(character)
            if used + w > maxWidth { break }
            result.append(character)
            used += w
        }
        return result
    }

    /// `text` if it fits `maxWidth` columns; otherwise its longest prefix that fits together with
    /// `ellipsis`, followed by it (a wide glyph is never split).
    package func truncate(_ text: String, maxWidth: Int, ellipsis: String) -> String {
        guard displayWidth(text) > maxWidth else { return text }
        let room = maxWidth - displayWidth(ellipsis)
        guard room >= 0 else { return truncate(text, maxWidth: maxWidth) }
        return truncate(text, maxWidth: room) + ellipsis
    }

    private func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        func endWord() {
            if !word.isEmpty { tokens.append(makeToken(word)) }
            word = ""
        }
        for character in text {
            if character == "\n" {
                endWord()
                tokens.append(Token(text: "", width: 0, isSpace: false, isNewline: true, first: nil, last: nil))
            } else if character == " " {
                endWord()
                tokens.append(makeToken(" "))
            } else if character.isASCII && !Self.noLineStart.contains(character) && !Self.noLineEnd.contains(character)
            {
                word.append(character)
            } else if character.isASCII && Self.noLineStart.contains(character) && !word.isEmpty {
                // Trailing ASCII punctuation sticks to its word ("done." / "3,").
                word.append(character)
            } else {
                endWord()
                tokens.append(makeToken(String(character)))
            }
        }
        endWord()
        return tokens
    }

    private func makeToken(_ text: String) -> Token {
        Token(
            text: text, width: displayWidth(text), isSpace: text == " ", isNewline: false,
            first: text.first, last: text.last)
    }
}
