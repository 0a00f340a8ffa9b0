/// A language the kiosk's screens can be shown in; Simplified Chinese is the default.
package enum UILanguage: String, CaseIterable, Sendable {
    /// Simplified Chinese, catalog `zh-Hans.json`.
    case simplifiedChinese = "zh-Hans"
    /// English, catalog `en.json`.
    case english = "en"

    /// The file name of this language's catalog inside the strings directory.
    package var catalogFileName: String { rawValue + ".json" }

    /// The other language, for the language toggle on the home screen.
    package var toggled: UILanguage { self == .simplifiedChinese ? .english : .simplifiedChinese }
}
