import Foundation

/// A minimal reader for systemd unit files and other INI-style files (foot.ini, drop-ins):
/// `[Section]` headers, `Key=Value` lines, `#`/`;` comments, and backslash line continuation.
/// Repeated keys keep every value in order.
struct UnitFile {
    /// Every `(section, key, value)` in file order.
    let entries: [(section: String, key: String, value: String)]

    init(contentsOf url: URL) throws {
        try self.init(text: String(contentsOf: url, encoding: .utf8))
    }

    init(text: String) {
        var entries: [(String, String, String)] = []
        var section = ""
        var pending = ""
        for rawLine in text.components(separatedBy: "\n") {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if pending.isEmpty && (line.hasPrefix("#") || line.hasPrefix(";")) { continue }
            if line.hasSuffix("\\") {
                line.removeLast()
                pending += line + " "
                continue
            }
            line = pending + line
            pending = ""
            if line.isEmpty { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast())
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            entries.append((section, key, value))
        }
        self.entries = entries
    }

    /// Every value of `key` in `section`, in order.
    func values(_ section: String, _ key: String) -> [String] {
        entries.filter { $0.section == section && $0.key == key }.map(\.value)
    }

    /// The last value of `key` in `section` (what systemd uses for single-valued settings).
    func value(_ section: String, _ key: String) -> String? {
        values(section, key).last
    }

    /// The keys of `section`, in order.
    func keys(_ section: String) -> [String] {
        entries.filter { $0.section == section }.map(\.key)
    }

    /// The section names, in order of first appearance.
    var sections: [String] {
        var seen: [String] = []
        for entry in entries where !seen.contains(entry.section) { seen.append(entry.section) }
        return seen
    }
}
