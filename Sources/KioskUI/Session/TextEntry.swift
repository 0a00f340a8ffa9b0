/// A text field filled from the on-screen keypad or the hardware keypad.
package struct TextEntry: Sendable, Equatable {
    /// Which characters the field takes and how it is shown.
    package enum Kind: Sendable, Equatable {
        /// Digits only (phone numbers).
        case digits
        /// Digits, ASCII letters (upper-cased) and `-` (办件编号, rule R8).
        case alphanumeric
        /// Digits and letters, shown as `*` (查询密码).
        case secret
    }

    /// The kind of field.
    package var kind: Kind
    /// The text typed so far.
    package private(set) var text: String
    /// The most characters the field takes.
    package var maxLength: Int
    /// Whether the on-screen keypad shows letters (for ``Kind/alphanumeric`` and ``Kind/secret``).
    package var showsLetters: Bool = false

    /// Creates an empty field.
    package init(kind: Kind, maxLength: Int, text: String = "") {
        self.kind = kind
        self.maxLength = maxLength
        self.text = ""
        for character in text { insert(character) }
    }

    /// Appends `character` when the field accepts it and has room; returns whether it was taken.
    @discardableResult
    package mutating func insert(_ character: Character) -> Bool {
        guard text.count < maxLength else { return false }
        switch kind {
        case .digits:
            guard character.isASCII, character.isNumber else { return false }
            text.append(character)
        case .alphanumeric, .secret:
            guard character.isASCII, character.isLetter || character.isNumber || character == "-" else { return false }
            text.append(kind == .alphanumeric ? Character(character.uppercased()) : character)
        }
        return true
    }

    /// Removes the last character.
    package mutating func deleteBackward() {
        if !text.isEmpty { text.removeLast() }
    }

    /// Empties the field.
    package mutating func clear() { text = "" }

    /// The text as displayed: secrets as one `*` per character (`●` is ambiguous width).
    package var displayText: String {
        kind == .secret ? String(repeating: "*", count: text.count) : text
    }
}
