/// Cleans text that came from outside (a card, a device) before it can reach a terminal, the
/// database, a log or a printed slip.
///
/// What is removed, and why:
/// - C0 controls (U+0000–U+001F), DEL (U+007F) and C1 controls (U+0080–U+009F): an ESC sequence such
///   as `ESC [ 2 J` loses its ESC, so the rest is inert printable text.
/// - Every format character (general category Cf): the bidirectional overrides, embeddings, isolates
///   and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) that could reorder a line;
///   the zero-width space, non-joiner and joiner (U+200B–U+200D), the word joiner and invisible
///   operators (U+2060–U+2064), the byte-order mark / zero-width no-break space (U+FEFF), the soft
///   hyphen (U+00AD), the Mongolian vowel separator (U+180E), interlinear annotation marks
///   (U+FFF9–U+FFFB) and tag characters (U+E0001, U+E0020–U+E007F). None of them is visible, so two
///   names that look the same on screen and paper could differ in the database, and a search or a
///   comparison would silently fail. The zero-width joiner (U+200D) goes too: it only joins emoji
///   and some Indic and Arabic letters, and names and addresses on Chinese cards are Hanzi, Latin
///   capitals and digits (GB 13000 text in UCS-2), where it has no use.
/// - Noncharacters (U+FDD0–U+FDEF and every U+xxFFFE/U+xxFFFF).
///
/// What is changed: the line and paragraph separators (U+2028, U+2029, categories Zl and Zp) become
/// a space, so a field stays on one line but the two words they separated stay apart.
///
/// What is kept: letters of every script, the middle dot U+00B7 of minority and foreign names
/// (`买买提·艾力`), spaces (U+0020, the ideographic space U+3000), combining marks and variation
/// selectors (they belong to the character before them), private-use characters (some provinces
/// encode rare name characters there) and U+FFFD (a decoding failure the reader already reported).
package enum DisplayText {
    /// The text with the forbidden scalars removed and line/paragraph separators turned into spaces.
    package static func sanitized(_ text: some StringProtocol) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isLineSeparator(scalar) {
                scalars.append(" ")
            } else if !isForbidden(scalar) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// `true` for the scalars ``sanitized(_:)`` removes or replaces (it never lets one through).
    package static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0xFDD0...0xFDEF: return true
        case let value where value & 0xFFFE == 0xFFFE: return true
        default: break
        }
        return scalar.properties.generalCategory == .format || isLineSeparator(scalar)
    }

    /// `true` for U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR, which become a space.
    private static func isLineSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }
}
