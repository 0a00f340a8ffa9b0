/// The three card kinds a GA/T 467 reader returns, told apart by the flag at text byte 248.
package enum DocumentKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 居民身份证 (flag blank).
    case residentIDCard
    /// 港澳台居民居住证 (flag `J`).
    case residencePermit
    /// 外国人永久居留证, 2004–2017 style (flag `I`).
    case foreignerPermanentResidenceCard
    /// 外国人永久居留身份证, 2023 style (flag `Y`).
    case foreignerPermanentResidenceIDCard

    /// The Chinese name of the document.
    package var chineseName: String {
        switch self {
        case .residentIDCard: "居民身份证"
        case .residencePermit: "港澳台居民居住证"
        case .foreignerPermanentResidenceCard: "外国人永久居留证"
        case .foreignerPermanentResidenceIDCard: "外国人永久居留身份证"
        }
    }
}

/// Fields only some card kinds carry. Text is already sanitised.
package enum KindSpecificFields: Sendable, Hashable {
    /// A resident ID card has no extra fields.
    case none
    /// 港澳台居民居住证: the travel-permit (通行证) number and the issue count (签发次数).
    case residencePermit(passNumber: String, issueCount: String)
    /// Old foreigner card: nationality (ISO 3166 alpha-3 assumed), card version, accepting-authority code.
    case foreignerCard(nationality: String, cardVersion: String, acceptingAuthorityCode: String)
    /// 2023 foreigner card: nationality, renewal count (换证次数), link to the previous 15-character card number.
    case foreignerIDCard(nationality: String, renewalCount: String, previousCardLink: String)
}
