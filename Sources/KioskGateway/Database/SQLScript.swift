/// Splits a SQL script into statements at top-level semicolons, so a migration file runs through
/// PostgresNIO's extended protocol (one statement per message; the simple protocol is not offered).
///
/// Respects `'…'` strings (with `''`), `"…"` identifiers, `$tag$…$tag$` bodies, `-- …` and
/// `/* … */` comments. Empty statements and comment-only text are dropped.
import Foundation

enum SQLScript {
    static func statements(_ script: String) -> [String] {
        let characters = Array(script)
        var statements: [String] = []
        var current: [Character] = []
        var meaningful = false
        var index = 0
        func flush() {
            let text = String(current).trimmingCharacters(in: .whitespacesAndNewlines)
            if meaningful && !text.isEmpty { statements.append(text) }
            current = []
            meaningful = false
        }
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "-" where next == "-":
                while index < characters.count && characters[index] != "\n" { index += 1 }
                continue
            case "/" where next == "*":
                index += 2
                while index + 1 < characters.count && !(characters[index] == "*" && characters[index + 1] == "/") {
                    index += 1
                }
                index += 2
                continue
            case "'", "\"":
                let end = closingQuote(characters, from: index, quote: character)
                current.append(contentsOf: characters[index..<end])
                meaningful = true
                index = end
                continue
            case "$":
                if let tagEnd = dollarTagEnd(characters, from: index) {
                    let tag = Array(characters[index..<tagEnd])
                    var end = tagEnd
                    while end < characters.count && !characters[end...].starts(with: tag) { end += 1 }
                    end = min(characters.count, end + tag.count)
                    current.append(contentsOf: characters[index..<end])
                    meaningful = true
                    index = end
                    continue
                }
            case ";":
                flush()
                index += 1
                continue
            default:
                break
            }
            if !character.isWhitespace { meaningful = true }
            current.append(character)
            index += 1
        }
        flush()
        return statements
    }

    /// The index after the quote that closes the one at `start` (a doubled quote stays inside).
    private static func closingQuote(_ characters: [Character], from start: Int, quote: Character) -> Int {
        var index = start + 1
        while index < characters.count {
            if characters[index] == quote {
                if index + 1 < characters.count && characters[index + 1] == quote {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return characters.count
    }

    /// The index after a dollar-quote opening tag (`$$` or `$name$`) at `start`, or `nil`.
    private static func dollarTagEnd(_ characters: [Character], from start: Int) -> Int? {
        var index = start + 1
        while index < characters.count {
            let character = characters[index]
            if character == "$" { return index + 1 }
            guard character.isLetter || character == "_" || (character.isNumber && index > start + 1) else {
                return nil
            }
            index += 1
        }
        return nil
    }
}
