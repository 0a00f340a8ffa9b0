import Foundation

/// One language's UI strings: a flat map from ``StringKey`` raw values to text with `{name}` placeholders.
package struct StringCatalog: Sendable, Equatable {
    /// The language of this catalog.
    package let language: UILanguage
    /// The raw table as loaded, including keys the code may not know (the tests flag those).
    package let table: [String: String]

    /// Creates a catalog from an already decoded table.
    package init(language: UILanguage, table: [String: String]) {
        self.language = language
        self.table = table
    }

    /// Loads `<directory>/<language>.json`, a JSON object of string keys to string values.
    ///
    /// - Parameters:
    ///   - language: The catalog to load.
    ///   - directory: The strings directory, normally `<assets>/strings`.
    /// - Throws: ``StringCatalogError`` when the file is missing or is not a flat JSON object of strings.
    package static func load(_ language: UILanguage, from directory: URL) throws(StringCatalogError) -> StringCatalog {
        let url = directory.appendingPathComponent(language.catalogFileName)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, underlying: "\(error)")
        }
        do {
            let table = try JSONDecoder().decode([String: String].self, from: data)
            return StringCatalog(language: language, table: table)
        } catch {
            throw .malformed(path: url.path, underlying: "\(error)")
        }
    }

    /// The text for `key` with `{name}` placeholders replaced from `arguments`, or nil when the key is absent.
    package func text(_ key: StringKey, _ arguments: [String: String] = [:]) -> String? {
        guard var text = table[key.rawValue] else { return nil }
        for (name, value) in arguments {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }
}

/// Why a string catalog could not be loaded.
package struct StringCatalogError: Error, CustomStringConvertible, Equatable {
    private enum Kind: Equatable {
        case unreadable
        case malformed
    }

    private let kind: Kind
    /// The catalog file involved.
    package let path: String
    /// The underlying error, as text.
    package let underlying: String

    static func unreadable(path: String, underlying: String) -> StringCatalogError {
        StringCatalogError(kind: .unreadable, path: path, underlying: underlying)
    }

    static func malformed(path: String, underlying: String) -> StringCatalogError {
        StringCatalogError(kind: .malformed, path: path, underlying: underlying)
    }

    package var description: String {
        switch kind {
        case .unreadable: "cannot read string catalog \(path): \(underlying)"
        case .malformed: "string catalog \(path) is not a JSON object of strings: \(underlying)"
        }
    }
}
