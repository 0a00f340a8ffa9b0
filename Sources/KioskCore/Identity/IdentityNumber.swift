/// An 18-character identity number checked against GB 11643-1999 (ISO 7064 MOD 11-2).
///
/// The same scheme covers the resident card, the residence permit (prefix 81/82/83) and the 2023
/// foreigner card (prefix 9). The number is kept even when it fails a check: the kiosk reports the
/// problem instead of silently dropping the card.
///
/// The digits live in a ``SensitiveText`` shared by every copy and zeroed by ``wipe()``; ``text`` and
/// ``masked`` are computed copies (``Identity`` keeps its masked form, made once).
package struct IdentityNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    private let storage: SensitiveText

    /// The number as read, upper-cased (`x` → `X`): a short-lived copy (for the lookup, a receipt).
    package var text: String { storage.string }

    /// Creates a number from the text on the card (surrounding spaces removed).
    package init(_ text: String) {
        storage = SensitiveText(String(text.trimmingWhitespace()).uppercased())
    }

    /// Takes a cleaned card field over (ASCII letters are upper-cased in place).
    package init(cleaned value: SensitiveText) {
        value.uppercaseASCII()
        storage = value
    }

    /// Zeroes the digits (every copy of this number shares them).
    package func wipe() { storage.wipe() }

    /// Calls `body` with the number's UTF-8 bytes; do not keep a copy.
    package func withUTF8<Result: Sendable>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try storage.withUTF8(body)
    }

    package init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// Weights of digits 1–17.
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    /// Check character for each remainder 0…10.
    private static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// `true` when the number is 17 ASCII digits followed by a digit or `X`.
    package var isWellFormed: Bool {
        let characters = Array(text)
        return characters.count == 18 && characters.prefix(17).allSatisfy(\.isASCIIDigit)
            && (characters[17].isASCIIDigit || characters[17] == "X")
    }

    /// The check character the first 17 digits call for, or `nil` when the number is not well formed.
    package var expectedCheckCharacter: Character? {
        guard isWellFormed else { return nil }
        let digits = text.prefix(17).map { Int($0.asciiValue! - 48) }
        let sum = zip(digits, Self.weights).reduce(0) { $0 + $1.0 * $1.1 }
        return Self.checkCharacters[sum % 11]
    }

    /// `true` when the number is well formed and its last character is the GB 11643 check character.
    package var hasValidCheckDigit: Bool {
        guard let expected = expectedCheckCharacter else { return false }
        return text.last == expected
    }

    /// The birth date encoded in characters 7–14, when it is a real date.
    package var encodedBirthDate: CardDate? {
        guard isWellFormed else { return nil }
        let characters = Array(text)
        return CardDate(yyyymmdd: String(characters[6..<14]))
    }

    /// The sex encoded by the 17th digit: odd = male, even = female.
    package var encodedSex: Sex? {
        guard isWellFormed, let digit = Array(text)[16].asciiValue.map({ Int($0) - 48 }) else { return nil }
        return digit % 2 == 1 ? .male : .female
    }

    /// The first two digits: the province-level address code (81/82/83 for Hong Kong, Macao and
    /// Taiwan residence permits, 9x for foreigners).
    package var regionPrefix: String { String(text.prefix(2)) }

    /// The number masked for screens and logs (first 3 and last 4 characters).
    package var masked: String { Masking.idNumber(text) }

    /// The masked form: a number printed by accident (string interpolation, a log) never leaks whole.
    package var description: String { masked }
}
