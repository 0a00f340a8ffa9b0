/// Finds the line on which each dotted key of a TOML document is written.
///
/// The TOML library reports positions only for syntax errors, so this scans the text itself:
/// `[table]` headers, `key = value` lines and dotted keys (`a.b = 1`). Values spanning several
/// lines (arrays, multi-line strings) are skipped without confusing the scan.
package struct KeyLocator: Sendable {
    private var lines: [String: Int] = [:]

    package init(text: String) {
        var table = ""
        var openMultiline: Substring? = nil
        var bracketDepth = 0
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.drop(while: { $0 == " " || $0 == "\t" })
            if let delimiter = openMultiline {
                if line.contains(delimiter) { openMultiline = nil }
                continue
            }
            if bracketDepth > 0 {
                bracketDepth += line.count(of: "[") - line.count(of: "]")
                continue
            }
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("[") {
                let header = line.drop(while: { $0 == "[" }).prefix(while: { $0 != "]" })
                table = Self.normalise(header)
                if lines[table] == nil { lines[table] = index + 1 }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = Self.normalise(line[..<equals])
            let full = table.isEmpty ? key : table + "." + key
            if lines[full] == nil { lines[full] = index + 1 }
            let value = line[line.index(after: equals)...].drop(while: { $0 == " " })
            for delimiter in ["\"\"\"", "'''"] where value.hasPrefix(delimiter) {
                if value.dropFirst(3).contains(delimiter) == false { openMultiline = Substring(delimiter) }
            }
            if value.hasPrefix("[") {
                bracketDepth = value.count(of: "[") - value.count(of: "]")
            }
        }
    }

    /// The 1-based line of `key` (e.g. `reader.baud`), or `nil` when it is not in the text.
    package func line(of key: String) -> Int? { lines[key] }

    private static func normalise(_ key: Substring) -> String {
        key.split(separator: ".").map { part in
            part.trimmingCharacters(in: [" ", "\t", "\"", "'"])
        }.joined(separator: ".")
    }
}

extension Substring {
    fileprivate func count(of character: Character) -> Int { reduce(0) { $1 == character ? $0 + 1 : $0 } }

    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        String(drop(while: { set.contains($0) }).reversed().drop(while: { set.contains($0) }).reversed())
    }
}
