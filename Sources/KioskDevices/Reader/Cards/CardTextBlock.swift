import KioskCore

/// The 256-byte UTF-16LE text block of `30 01` in its four layouts (resident, `J`, `I`, `Y`).
///
/// Fields are right-padded with spaces (`20 00`); decoding trims trailing spaces and NULs and keeps
/// surrogate pairs together, so a name like 吴𠮷 survives. The card-kind flag is the character at
/// byte 248.
package enum CardTextBlock {
    /// Size of the text block.
    package static let size = 256
    /// Size of the WLT photo block.
    package static let photoSize = 1024

    /// A field: byte offset and byte length inside the block.
    private struct Field {
        let offset: Int
        let length: Int
    }

    private static let name = Field(offset: 0, length: 30)
    private static let sex = Field(offset: 30, length: 2)
    private static let nation = Field(offset: 32, length: 4)
    private static let birth = Field(offset: 36, length: 16)
    private static let address = Field(offset: 52, length: 70)
    private static let number = Field(offset: 122, length: 36)
    private static let authority = Field(offset: 158, length: 30)
    private static let validFrom = Field(offset: 188, length: 16)
    private static let validUntil = Field(offset: 204, length: 16)
    private static let flag = Field(offset: 248, length: 2)
    // 'J'
    private static let passNumber = Field(offset: 220, length: 18)
    private static let issueCount = Field(offset: 238, length: 4)
    // 'I'
    private static let oldEnglishName = Field(offset: 0, length: 120)
    private static let oldSex = Field(offset: 120, length: 2)
    private static let oldNumber = Field(offset: 122, length: 30)
    private static let oldNationality = Field(offset: 152, length: 6)
    private static let oldChineseName = Field(offset: 158, length: 30)
    private static let oldBirth = Field(offset: 220, length: 16)
    private static let oldVersion = Field(offset: 236, length: 4)
    private static let oldAuthorityCode = Field(offset: 240, length: 8)
    // 'Y'
    private static let renewalCount = Field(offset: 32, length: 4)
    private static let englishNameStart = Field(offset: 52, length: 70)
    private static let englishNameEnd = Field(offset: 220, length: 22)
    private static let newNationality = Field(offset: 242, length: 6)
    private static let previousLink = Field(offset: 250, length: 6)

    // MARK: Encoding (simulators)

    /// The text block for `record` in its kind's layout; over-long fields are cut.
    package static func encode(_ record: CardRecord) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: size)
        for index in stride(from: 0, to: size, by: 2) { block[index] = 0x20 }
        func put(_ text: String, _ field: Field) {
            var units = Array(text.utf16.prefix(field.length / 2))
            if let last = units.last, UTF16.isLeadSurrogate(last) { units.removeLast() }
            for (index, unit) in units.enumerated() {
                block[field.offset + 2 * index] = UInt8(unit & 0xFF)
                block[field.offset + 2 * index + 1] = UInt8(unit >> 8)
            }
        }
        switch record.kind {
        case .residentIDCard, .residencePermit:
            put(record.name, name)
            put(record.sexCode, sex)
            put(record.nationCode, nation)
            put(record.birthDate, birth)
            put(record.address, address)
            put(record.number, number)
            put(record.issuingAuthority, authority)
            put(record.validFrom, validFrom)
            put(record.validUntil, validUntil)
            if record.kind == .residencePermit {
                put(record.passNumber, passNumber)
                put(record.issueCount, issueCount)
                put("J", flag)
            }
        case .foreignerPermanentResidenceCard:
            put(record.englishName, oldEnglishName)
            put(record.sexCode, oldSex)
            put(record.number, oldNumber)
            put(record.nationality, oldNationality)
            put(record.name, oldChineseName)
            put(record.validFrom, validFrom)
            put(record.validUntil, validUntil)
            put(record.birthDate, oldBirth)
            put(record.cardVersion, oldVersion)
            put(record.acceptingAuthorityCode, oldAuthorityCode)
            put("I", flag)
        case .foreignerPermanentResidenceIDCard:
            put(record.name, name)
            put(record.sexCode, sex)
            put(record.renewalCount, renewalCount)
            put(record.birthDate, birth)
            let english = Array(record.englishName.utf16)
            put(String(decoding: english.prefix(35), as: UTF16.self), englishNameStart)
            put(String(decoding: english.dropFirst(35), as: UTF16.self), englishNameEnd)
            put(record.number, number)
            put(record.validFrom, validFrom)
            put(record.validUntil, validUntil)
            put(record.nationality, newNationality)
            put("Y", flag)
            put(record.previousCardLink, previousLink)
        }
        return block
    }

    // MARK: Decoding (drivers)

    /// The card kind named by the flag at byte 248.
    package static func kind(of block: [UInt8]) -> DocumentKind {
        guard block.count >= size else { return .residentIDCard }
        switch text(block, flag, trimming: false) {
        case "J": return .residencePermit
        case "I": return .foreignerPermanentResidenceCard
        case "Y": return .foreignerPermanentResidenceIDCard
        default: return .residentIDCard
        }
    }

    /// Decodes a text block and its photo into a typed identity. Never fails: unreadable fields
    /// become `nil` and show up in ``Identity/issues``. A block shorter than 256 bytes is padded.
    ///
    /// The name, address and number never become a `String` here: they are decoded straight into the
    /// identity's wipeable buffers (``SensitiveText``), and the working copy of the block is zeroed.
    package static func identity(text block: [UInt8], photo: [UInt8]) -> Identity {
        var block = Array(block.prefix(size))
        defer { SecureWipe.wipe(&block) }
        while block.count < size { block.append(block.count % 2 == 0 ? 0x20 : 0x00) }
        let kind = kind(of: block)
        func field(_ field: Field) -> String { text(block, field, trimming: true) }
        func secret(_ field: Field) -> SensitiveText {
            SensitiveText(cleaningUTF16LE: block, range: field.offset..<(field.offset + field.length))
        }
        let photo = CardPhoto(bytes: photo)
        switch kind {
        case .residentIDCard, .residencePermit:
            let specific: KindSpecificFields =
                kind == .residencePermit
                ? .residencePermit(passNumber: field(passNumber), issueCount: field(issueCount)) : .none
            return Identity(
                kind: kind, cleanedName: secret(name), sex: Sex(code: field(sex)),
                nation: kind == .residentIDCard ? Nation(code: field(nation)) : nil,
                birthDate: CardDate(yyyymmdd: field(birth)), cleanedAddress: secret(address),
                number: IdentityNumber(cleaned: secret(number)),
                issuingAuthority: field(authority), validity: validity(field(validFrom), field(validUntil)),
                specific: specific, photo: photo)
        case .foreignerPermanentResidenceCard:
            return Identity(
                kind: kind, cleanedName: secret(oldChineseName), englishName: field(oldEnglishName),
                sex: Sex(code: field(oldSex)), nation: nil, birthDate: CardDate(yyyymmdd: field(oldBirth)),
                cleanedAddress: nil, number: IdentityNumber(cleaned: secret(oldNumber)), issuingAuthority: nil,
                validity: validity(field(validFrom), field(validUntil)),
                specific: .foreignerCard(
                    nationality: field(oldNationality), cardVersion: field(oldVersion),
                    acceptingAuthorityCode: field(oldAuthorityCode)),
                photo: photo)
        case .foreignerPermanentResidenceIDCard:
            let english = text(block, englishNameStart, trimming: false) + text(block, englishNameEnd, trimming: false)
            return Identity(
                kind: kind, cleanedName: secret(name), englishName: trimmed(english), sex: Sex(code: field(sex)),
                nation: nil, birthDate: CardDate(yyyymmdd: field(birth)), cleanedAddress: nil,
                number: IdentityNumber(cleaned: secret(number)),
                issuingAuthority: nil, validity: validity(field(validFrom), field(validUntil)),
                specific: .foreignerIDCard(
                    nationality: field(newNationality), renewalCount: field(renewalCount),
                    previousCardLink: field(previousLink)),
                photo: photo)
        }
    }

    /// Parses a start date and an end date that may be `长期`.
    private static func validity(_ from: String, _ until: String) -> Validity? {
        guard let start = CardDate(yyyymmdd: from) else { return nil }
        if until.hasPrefix("长期") { return Validity(start: start, end: .longTerm) }
        guard let end = CardDate(yyyymmdd: until) else { return nil }
        return Validity(start: start, end: .date(end))
    }

    /// Decodes the UTF-16LE units of `field`; lone surrogates become U+FFFD.
    private static func text(_ block: [UInt8], _ field: Field, trimming: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(field.length / 2)
        for index in stride(from: field.offset, to: field.offset + field.length, by: 2) {
            units.append(UInt16(block[index]) | UInt16(block[index + 1]) << 8)
        }
        let decoded = String(decoding: units, as: UTF16.self)
        return trimming ? trimmed(decoded) : decoded
    }

    /// Removes trailing spaces and NULs (the card's padding) and leading spaces.
    private static func trimmed(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        while let last = scalars.last, last == " " || last == "\0" { scalars.removeLast() }
        while let first = scalars.first, first == " " { scalars.removeFirst() }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
