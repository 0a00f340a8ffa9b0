import TOMLKit

/// Reads typed values out of a parsed TOML document, collecting every problem instead of stopping at
/// the first, and remembering which keys it knows so that unknown ones can be reported.
package struct ConfigReader {
    private let root: TOMLTable
    private let locator: KeyLocator
    private(set) package var issues: [ConfigurationIssue] = []
    /// Every key the kiosk understands, in the order they were read (used by ``finish()`` and by the
    /// documentation test).
    private(set) package var knownKeys: [String] = []

    package init(root: TOMLTable, locator: KeyLocator) {
        self.root = root
        self.locator = locator
    }

    /// Reads a string. `validate` returns a problem description, or `nil` when the value is fine.
    package mutating func string(_ key: String, into value: inout String, validate: ((String) -> String?)? = nil) {
        guard let node = lookup(key) else { return }
        guard let string = node.string else { return wrongType(key, expected: "a string", found: node) }
        if let problem = validate?(string) { return report(key, problem) }
        value = string
    }

    /// Reads an integer within `range`.
    package mutating func int(_ key: String, into value: inout Int, range: ClosedRange<Int>) {
        guard let node = lookup(key) else { return }
        guard let int = node.int else { return wrongType(key, expected: "an integer", found: node) }
        guard range.contains(int) else {
            return report(key, "\(int) is out of range (\(range.lowerBound)…\(range.upperBound))")
        }
        value = int
    }

    /// Reads an integer that must be one of `allowed`.
    package mutating func int(_ key: String, into value: inout Int, allowed: [Int]) {
        guard let node = lookup(key) else { return }
        guard let int = node.int else { return wrongType(key, expected: "an integer", found: node) }
        guard allowed.contains(int) else {
            return report(key, "\(int) is not allowed (one of \(allowed.map(String.init).joined(separator: ", ")))")
        }
        value = int
    }

    /// Reads a boolean.
    package mutating func bool(_ key: String, into value: inout Bool) {
        guard let node = lookup(key) else { return }
        guard let bool = node.bool else { return wrongType(key, expected: "true or false", found: node) }
        value = bool
    }

    /// Reads a string that must be the raw value of one of `Choice`'s cases.
    package mutating func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, into value: inout Choice)
    where Choice.RawValue == String {
        guard let node = lookup(key) else { return }
        guard let string = node.string else { return wrongType(key, expected: "a string", found: node) }
        guard let choice = Choice(rawValue: string) else {
            let options = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            return report(key, "\"\(string)\" is not one of \(options)")
        }
        value = choice
    }

    /// Reads an array of strings.
    package mutating func strings(
        _ key: String, into value: inout [String], nonEmpty: Bool = false, validate: ((String) -> String?)? = nil
    ) {
        guard let node = lookup(key) else { return }
        guard let array = node.array else { return wrongType(key, expected: "an array of strings", found: node) }
        var result: [String] = []
        for element in array {
            guard let string = element.string else {
                return report(key, "every element must be a string")
            }
            if let problem = validate?(string) { return report(key, problem) }
            result.append(string)
        }
        if nonEmpty && result.isEmpty { return report(key, "must not be empty") }
        value = result
    }

    /// Reports every key in the document that was not read, then returns all problems found.
    package mutating func finish() -> [ConfigurationIssue] {
        let known = Set(knownKeys)
        let sections = Set(knownKeys.compactMap { $0.split(separator: ".").first.map(String.init) })
        func walk(_ table: TOMLTable, prefix: String) {
            for key in table.keys.sorted() {
                let full = prefix.isEmpty ? key : prefix + "." + key
                if known.contains(full) { continue }
                if sections.contains(full), let nested = table[key]?.table {
                    walk(nested, prefix: full)
                    continue
                }
                let suggestion = Self.closest(to: full, in: knownKeys).map { " (did you mean \($0)?)" } ?? ""
                issues.append(
                    ConfigurationIssue(
                        key: full, line: locator.line(of: full), message: "unknown key\(suggestion)"))
            }
        }
        walk(root, prefix: "")
        return issues.sorted { ($0.line ?? 0, $0.key) < ($1.line ?? 0, $1.key) }
    }

    private mutating func lookup(_ key: String) -> (any TOMLValueConvertible)? {
        knownKeys.append(key)
        var table: TOMLTable = root
        let parts = key.split(separator: ".").map(String.init)
        for (index, part) in parts.enumerated() {
            guard let node = table[part] else { return nil }
            if index == parts.count - 1 { return node }
            guard let nested = node.table else {
                let section = parts[...index].joined(separator: ".")
                report(section, "must be a table ([\(section)])")
                return nil
            }
            table = nested
        }
        return nil
    }

    private mutating func wrongType(_ key: String, expected: String, found: any TOMLValueConvertible) {
        report(key, "expected \(expected), found \(found.type)")
    }

    private mutating func report(_ key: String, _ message: String) {
        issues.append(ConfigurationIssue(key: key, line: locator.line(of: key), message: message))
    }

    /// The known key with the smallest edit distance to `key`, when it is close enough to be a typo.
    private static func closest(to key: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(Array(key), Array($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 3 else { return nil }
        return best.0
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
