import Foundation
import KioskUI
import Testing

/// The string catalogs: complete in both languages, and free of characters whose width terminals
/// disagree on (East Asian Width "A") and of emoji.
@Suite struct StringCatalogTests {
    /// The Unicode data files from Debian's `unicode-data` package (installed by scripts/test).
    static let eastAsianWidthPath = "/usr/share/unicode/EastAsianWidth.txt"
    static let emojiDataPath = "/usr/share/unicode/emoji/emoji-data.txt"

    static func catalog(_ language: UILanguage) throws -> StringCatalog {
        try StringCatalog.load(language, from: Fixtures.assetsDirectory.appendingPathComponent("strings"))
    }

    @Test("every key used in code exists in the catalog", arguments: UILanguage.allCases)
    func everyKeyExists(language: UILanguage) throws {
        let catalog = try Self.catalog(language)
        let missing = StringKey.allCases.filter { catalog.table[$0.rawValue] == nil }
        #expect(missing.isEmpty, "missing in \(language.rawValue): \(missing.map(\.rawValue))")
    }

    @Test("the catalogs hold no keys the code does not know", arguments: UILanguage.allCases)
    func noStrayKeys(language: UILanguage) throws {
        let known = Set(StringKey.allCases.map(\.rawValue))
        let stray = try Self.catalog(language).table.keys.filter { !known.contains($0) }
        #expect(stray.isEmpty, "unknown keys in \(language.rawValue): \(stray.sorted())")
    }

    @Test("both languages use the same placeholders for every key")
    func placeholdersMatch() throws {
        let chinese = try Self.catalog(.simplifiedChinese)
        let english = try Self.catalog(.english)
        for key in StringKey.allCases {
            let zh = Self.placeholders(in: chinese.table[key.rawValue] ?? "")
            let en = Self.placeholders(in: english.table[key.rawValue] ?? "")
            #expect(zh == en, "placeholders differ for \(key.rawValue): \(zh) vs \(en)")
        }
    }

    @Test("no UI string contains an ambiguous-width or emoji character", arguments: UILanguage.allCases)
    func noAmbiguousOrEmoji(language: UILanguage) throws {
        let ambiguous = try Self.scalars(inFile: Self.eastAsianWidthPath) { $0 == "A" }
        let emoji = try Self.scalars(inFile: Self.emojiDataPath) {
            $0 == "Emoji_Presentation" || $0 == "Extended_Pictographic"
        }
        #expect(ambiguous.contains(0x2026), "the width data should mark … as ambiguous")
        for (key, text) in try Self.catalog(language).table.sorted(by: { $0.key < $1.key }) {
            let bad = text.unicodeScalars.filter {
                ambiguous.contains($0.value) || (emoji.contains($0.value) && $0.value > 0x7F)
            }
            #expect(
                bad.isEmpty,
                "\(language.rawValue) \(key) contains \(bad.map { "U+" + String($0.value, radix: 16, uppercase: true) + " " + String($0) })"
            )
        }
    }

    @Test("the ambiguous-width scan catches the usual offenders")
    func scanCatchesOffenders() throws {
        let ambiguous = try Self.scalars(inFile: Self.eastAsianWidthPath) { $0 == "A" }
        for scalar in "“”‘’—…·①■□○●×※→←★▶".unicodeScalars {
            #expect(ambiguous.contains(scalar.value), "\(scalar) should be ambiguous")
        }
        for scalar in "、。，：；！？（）《》「」～".unicodeScalars {
            #expect(!ambiguous.contains(scalar.value), "\(scalar) should be safe")
        }
    }

    @Test("lookups fill placeholders and fall back to Chinese, then to the key")
    func lookupFallback() {
        let strings = UIStrings(catalogs: [
            StringCatalog(language: .simplifiedChinese, table: ["list.greeting": "{name}，您好"]),
            StringCatalog(language: .english, table: [:]),
        ])
        #expect(strings.text(.listGreeting, in: .english, ["name": "张*梅"]) == "张*梅，您好")
        #expect(strings.text(.listTitle, in: .english) == "list.title")
    }

    @Test("a missing catalog directory is reported with its path")
    func missingCatalog() {
        let directory = URL(fileURLWithPath: "/nonexistent-kiosk-strings")
        #expect {
            _ = try StringCatalog.load(.english, from: directory)
        } throws: { error in
            "\(error)".contains("/nonexistent-kiosk-strings/en.json")
        }
    }

    // MARK: - Helpers

    static func placeholders(in text: String) -> Set<String> {
        var result: Set<String> = []
        var current: String?
        for character in text {
            if character == "{" {
                current = ""
            } else if character == "}", let name = current {
                result.insert(name)
                current = nil
            } else if current != nil {
                current?.append(character)
            }
        }
        return result
    }

    /// Code points whose property field (second `;` column) satisfies `matches`, from a UCD file.
    static func scalars(inFile path: String, where matches: (String) -> Bool) throws -> Set<UInt32> {
        let text = try #require(
            try? String(contentsOfFile: path, encoding: .utf8),
            "\(path) is missing: install Debian's unicode-data package (scripts/test does)")
        var result: Set<UInt32> = []
        for line in text.split(separator: "\n") {
            let content = line.split(separator: "#", maxSplits: 1).first ?? ""
            let fields = content.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 2, matches(fields[1]) else { continue }
            let bounds = fields[0].split(separator: ".").compactMap { UInt32($0, radix: 16) }
            guard let low = bounds.first else { continue }
            for value in low...(bounds.last ?? low) { result.insert(value) }
        }
        return result
    }
}
