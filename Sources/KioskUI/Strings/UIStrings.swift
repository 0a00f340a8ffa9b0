import Foundation

/// The UI strings in every language, as the app passes them to ``KioskShell``.
///
/// Lookups fall back from the current language to Simplified Chinese and then to the key itself, so a
/// missing translation shows up as a visible key rather than a crash (the catalog tests forbid it anyway).
package struct UIStrings: Sendable {
    /// The catalogs by language.
    package let catalogs: [UILanguage: StringCatalog]

    /// Creates the strings from loaded catalogs.
    package init(catalogs: [StringCatalog]) {
        var map: [UILanguage: StringCatalog] = [:]
        for catalog in catalogs { map[catalog.language] = catalog }
        self.catalogs = map
    }

    /// Loads every language from `<assetsDirectory>/strings/`.
    ///
    /// - Parameter assetsDirectory: The kiosk's assets directory (the one holding `strings/`).
    /// - Throws: ``StringCatalogError`` for the first catalog that cannot be loaded.
    package static func load(assetsDirectory: URL) throws(StringCatalogError) -> UIStrings {
        let directory = assetsDirectory.appendingPathComponent("strings")
        var loaded: [StringCatalog] = []
        for language in UILanguage.allCases {
            loaded.append(try StringCatalog.load(language, from: directory))
        }
        return UIStrings(catalogs: loaded)
    }

    /// The text for `key` in `language`, with `{name}` placeholders filled from `arguments`.
    package func text(_ key: StringKey, in language: UILanguage, _ arguments: [String: String] = [:]) -> String {
        catalogs[language]?.text(key, arguments)
            ?? catalogs[.simplifiedChinese]?.text(key, arguments)
            ?? key.rawValue
    }
}
