import Foundation
import TOMLKit

/// Loading a TOML configuration file the same way for every program of the package (the kiosk and
/// kiosk-gateway): every problem is collected with its key and line, unknown keys are reported.
package enum ConfigFile {
    /// Reads the file at `path` and hands it to `read`.
    ///
    /// - Throws: ``ConfigurationError`` when the file cannot be read, is not TOML, or `read`
    ///   reported problems.
    package static func load<Value>(
        path: String, _ read: (inout ConfigReader) -> Value
    ) throws(ConfigurationError) -> Value {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try parse(text, path: path, read)
    }

    /// Parses TOML `text` and hands it to `read`; `path` names it in messages.
    package static func parse<Value>(
        _ text: String, path: String = "<text>", _ read: (inout ConfigReader) -> Value
    ) throws(ConfigurationError) -> Value {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .invalid(
                path: path,
                issues: [
                    ConfigurationIssue(
                        key: "", line: error.source.begin.line, message: "not valid TOML: \(error.description)")
                ])
        } catch {
            throw .invalid(path: path, issues: [ConfigurationIssue(key: "", line: nil, message: "not valid TOML")])
        }
        var reader = ConfigReader(root: root, locator: KeyLocator(text: text))
        let value = read(&reader)
        let issues = reader.finish()
        guard issues.isEmpty else { throw .invalid(path: path, issues: issues) }
        return value
    }

    /// The keys `read` asks for, in the order it asks (documentation tests).
    package static func keys(_ read: (inout ConfigReader) -> Void) -> [String] {
        var reader = ConfigReader(root: TOMLTable(), locator: KeyLocator(text: ""))
        read(&reader)
        return reader.knownKeys
    }
}
