/// One problem found in a configuration file, with the key and line it concerns.
package struct ConfigurationIssue: Sendable, Equatable, CustomStringConvertible {
    /// The dotted key, e.g. `reader.baud`; empty for syntax errors.
    package var key: String
    /// The 1-based line, or `nil` when the key does not appear in the file.
    package var line: Int?
    package var message: String

    package init(key: String, line: Int?, message: String) {
        self.key = key
        self.line = line
        self.message = message
    }

    package var description: String {
        let place = line.map { "line \($0)" } ?? "file"
        return key.isEmpty ? "\(place): \(message)" : "\(place): \(key): \(message)"
    }
}

/// A configuration file that cannot be used: unreadable, not TOML, or with invalid keys.
package struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    private enum Kind: Sendable {
        case unreadable(String)
        case invalid([ConfigurationIssue])
    }

    private let kind: Kind
    /// The file the problems were found in.
    package let path: String

    package static func unreadable(path: String, reason: String) -> ConfigurationError {
        ConfigurationError(kind: .unreadable(reason), path: path)
    }

    package static func invalid(path: String, issues: [ConfigurationIssue]) -> ConfigurationError {
        ConfigurationError(kind: .invalid(issues), path: path)
    }

    /// Every problem found (all are reported at once, not just the first).
    package var issues: [ConfigurationIssue] {
        switch kind {
        case .unreadable(let reason): [ConfigurationIssue(key: "", line: nil, message: reason)]
        case .invalid(let issues): issues
        }
    }

    package var description: String {
        switch kind {
        case .unreadable(let reason):
            "cannot read configuration \(path): \(reason)"
        case .invalid(let issues):
            "invalid configuration \(path):\n" + issues.map { "  \(path): \($0)" }.joined(separator: "\n")
        }
    }
}
