import KioskCore

/// The raw contents of a card as the chip stores them: the fields as text, before any validation.
///
/// The simulators serve records; ``CardTextBlock`` turns a record into the 256-byte text block and
/// back into a typed ``Identity``. Dates are `YYYYMMDD` text (the end date may be `长期`), codes are
/// the card's digits, so a test can put anything on a card, including malformed or hostile text.
package struct CardRecord: Sendable, Hashable {
    package var kind: DocumentKind
    /// Chinese name (on the old foreigner card: the Chinese name field at byte 158).
    package var name: String
    package var sexCode: String
    /// GB/T 3304 code (resident card only).
    package var nationCode: String = ""
    package var birthDate: String
    package var address: String = ""
    package var number: String
    package var issuingAuthority: String = ""
    package var validFrom: String
    /// `YYYYMMDD` or `长期`.
    package var validUntil: String
    package var englishName: String = ""
    package var nationality: String = ""
    package var passNumber: String = ""
    package var issueCount: String = ""
    package var renewalCount: String = ""
    package var cardVersion: String = ""
    package var acceptingAuthorityCode: String = ""
    package var previousCardLink: String = ""
    /// The additional (latest) address served by `30 03`; empty = the card has none (SW3 0x91).
    package var additionalAddress: String = ""
    /// The 1024-byte WLT field (simulated content: the kiosk never decodes it).
    package var photo: [UInt8]

    /// A record with the fields every kind has; set the kind-specific ones afterwards.
    package init(
        kind: DocumentKind, name: String, sexCode: String, birthDate: String, number: String,
        validFrom: String, validUntil: String, photo: [UInt8]? = nil
    ) {
        self.kind = kind
        self.name = name
        self.sexCode = sexCode
        self.birthDate = birthDate
        self.number = number
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.photo = photo ?? CardRecord.placeholderPhoto(seed: number)
    }

    /// A deterministic 1024-byte stand-in for a WLT portrait: the `WL` header seen in a public
    /// sample (`57 4C 66 00 7E 00 32 00 00 FF`) followed by pseudo-random bytes derived from `seed`.
    package static func placeholderPhoto(seed: String) -> [UInt8] {
        var state: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in seed.utf8 { state = (state ^ UInt64(byte)) &* 0x100_0000_01B3 }
        var photo: [UInt8] = [0x57, 0x4C, 0x66, 0x00, 0x7E, 0x00, 0x32, 0x00, 0x00, 0xFF]
        while photo.count < 1024 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            photo.append(UInt8(truncatingIfNeeded: state >> 56))
        }
        return photo
    }
}
