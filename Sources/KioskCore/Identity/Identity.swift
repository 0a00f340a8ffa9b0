import Foundation

/// The holder of an identity document as read from the card chip: typed, validated and sanitised.
///
/// Every text field has had C0/C1/DEL controls removed (``DisplayText``) and surrounding spaces
/// trimmed. The value is session data: keep it in memory only, show and log only the masked views
/// (``maskedName``, ``maskedNumber``, ``maskedAddress``), and call ``wipe()`` when the session ends.
/// `description` is masked, so interpolating an identity into a log line never leaks it.
package struct Identity: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// Which document this is.
    package let kind: DocumentKind
    /// The Chinese name (may be empty on an old foreigner card that has none): a short-lived copy.
    package var name: String { nameText.string }
    /// The name's wipeable storage.
    private let nameText: SensitiveText
    /// The English name (foreigner cards only).
    package let englishName: String?
    /// The sex, `nil` when the card's code is not a GB/T 2261.1 value.
    package let sex: Sex?
    /// The ethnic group (resident ID card only).
    package let nation: Nation?
    /// The birth date, `nil` when the field is not a real date (see ``issues``).
    package let birthDate: CardDate?
    /// The address (resident card and residence permit): a short-lived copy.
    package var address: String? { addressText?.string }
    /// The address's wipeable storage.
    private let addressText: SensitiveText?
    /// The identity number (for the old foreigner card: its 15-character permanent-residence number).
    package let number: IdentityNumber
    /// The issuing authority (签发机关), absent on foreigner cards.
    package let issuingAuthority: String?
    /// The validity period, `nil` when the dates are unreadable (see ``issues``).
    package let validity: Validity?
    /// Kind-specific fields.
    package let specific: KindSpecificFields
    /// The WLT portrait (never written anywhere; no free decoder exists).
    package let photo: CardPhoto

    /// The name for screens and logs: first character, then `*` (the last kept for 3+ characters).
    package let maskedName: String
    /// The number for screens and logs: first 3 and last 4 characters.
    package let maskedNumber: String
    /// The address shortened to its district, for screens and logs.
    package let maskedAddress: String?

    /// Builds an identity, sanitising and trimming every text field.
    package init(
        kind: DocumentKind, name: String, englishName: String? = nil, sex: Sex?, nation: Nation?,
        birthDate: CardDate?, address: String?, number: String, issuingAuthority: String?,
        validity: Validity?, specific: KindSpecificFields = .none, photo: CardPhoto
    ) {
        self.init(
            kind: kind, cleanedName: SensitiveText(Self.clean(name)), englishName: englishName, sex: sex,
            nation: nation, birthDate: birthDate, cleanedAddress: address.map { SensitiveText(Self.clean($0)) },
            number: IdentityNumber(Self.clean(number)), issuingAuthority: issuingAuthority, validity: validity,
            specific: specific, photo: photo)
    }

    /// Builds an identity from fields already cleaned off the card (``SensitiveText/init(cleaningUTF16LE:range:)``):
    /// the identity takes their buffers over, so wiping it clears the only copy.
    package init(
        kind: DocumentKind, cleanedName: SensitiveText, englishName: String? = nil, sex: Sex?, nation: Nation?,
        birthDate: CardDate?, cleanedAddress: SensitiveText?, number: IdentityNumber, issuingAuthority: String?,
        validity: Validity?, specific: KindSpecificFields = .none, photo: CardPhoto
    ) {
        self.kind = kind
        self.nameText = cleanedName
        self.englishName = englishName.map(Self.clean)
        self.sex = sex
        self.nation = nation
        self.birthDate = birthDate
        self.addressText = cleanedAddress
        self.number = number
        self.issuingAuthority = issuingAuthority.map(Self.clean)
        self.validity = validity
        self.specific = specific
        self.photo = photo
        // The masked views, made once: screens and logs never need the full value again.
        let nameForMask = cleanedName.isEmpty ? (self.englishName ?? "") : cleanedName.string
        maskedName = Masking.name(nameForMask)
        maskedNumber = number.masked
        maskedAddress = cleanedAddress.map { Masking.address($0.string) }
    }

    /// Sanitised (``DisplayText``) and trimmed.
    private static func clean(_ text: String) -> String { String(DisplayText.sanitized(text).trimmingWhitespace()) }

    /// What is wrong with the data, empty for a consistent card.
    ///
    /// For the 18-character numbers: format, GB 11643 check digit, and agreement of the number with
    /// the birth-date and sex fields. The old foreigner card's 15-character number is checked for its
    /// format only (3 letters + 12 digits).
    package var issues: [IdentityIssue] {
        var issues: [IdentityIssue] = []
        if birthDate == nil { issues.append(.invalidBirthDate) }
        if validity == nil { issues.append(.invalidValidity) }
        if kind == .foreignerPermanentResidenceCard {
            let characters = Array(number.text)
            let wellFormed =
                characters.count == 15 && characters.prefix(3).allSatisfy { $0.isASCII && $0.isUppercase }
                && characters.suffix(12).allSatisfy(\.isASCIIDigit)
            if !wellFormed { issues.append(.malformedNumber) }
            return issues
        }
        guard number.isWellFormed else { return issues + [.malformedNumber] }
        if !number.hasValidCheckDigit { issues.append(.checkDigitMismatch) }
        if let birthDate, number.encodedBirthDate != birthDate { issues.append(.birthDateMismatch) }
        if let sex, sex == .male || sex == .female, number.encodedSex != sex { issues.append(.sexMismatch) }
        return issues
    }

    /// `true` when `today` is past the end of the validity period (a 长期 card never expires).
    /// A card whose validity is unreadable is not called expired: ``issues`` reports it instead.
    package func isExpired(on today: CardDate) -> Bool {
        validity?.isExpired(on: today) ?? false
    }

    /// The plain-language notice for a citizen whose card has expired. The reader owns the wording
    /// so every screen says the same thing; the UI may show it as is.
    package static let expiredNotice = "您的证件已过有效期，请到公安机关换领新证后再来办理。"

    /// Zeroes the photo, the name, the address and the number, in place (every copy of this identity
    /// shares them). Call at the end of the session.
    package func wipe() {
        photo.wipe()
        nameText.wipe()
        addressText?.wipe()
        number.wipe()
    }

    /// `true` once ``wipe()`` has run: photo, name, address and number are all zero.
    package var isWiped: Bool {
        photo.isWiped && nameText.isWiped && (addressText?.isWiped ?? true)
            && number.withUTF8 { $0.allSatisfy { $0 == 0 } }
    }

    /// A masked one-line summary, safe for logs.
    package var description: String {
        "Identity(\(kind.rawValue), name: \(maskedName), number: \(maskedNumber))"
    }

    /// Same as ``description``: debugging output must not leak either.
    package var debugDescription: String { description }
}

extension CardDate {
    /// The calendar date of `date` in China Standard Time (the kiosk's "today").
    package init(_ date: Date) {
        let day = CivilDate(date)
        self.init(year: day.year, month: day.month, day: day.day)!
    }
}
