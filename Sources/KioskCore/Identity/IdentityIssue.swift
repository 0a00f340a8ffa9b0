/// Something wrong with the data on a card. A card with issues is still returned; the caller decides.
package enum IdentityIssue: String, Sendable, Hashable, Codable, CaseIterable {
    /// The number is not 17 digits + digit/X (or, on the old foreigner card, 3 letters + 12 digits).
    case malformedNumber
    /// The GB 11643 check character does not match.
    case checkDigitMismatch
    /// The birth date in the number differs from the birth-date field.
    case birthDateMismatch
    /// The sex digit in the number differs from the sex field.
    case sexMismatch
    /// The birth-date field is missing or not a real date.
    case invalidBirthDate
    /// The validity dates are missing or not real dates.
    case invalidValidity
}
