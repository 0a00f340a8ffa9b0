import KioskCore

/// The invented people both simulators serve. Other parts of the kiosk seed demo applications for
/// these identity numbers: do not change them.
package enum SampleCards {
    /// 张晓梅, born 1949, valid 长期 (an older citizen).
    package static let elder: CardRecord = {
        var card = CardRecord(
            kind: .residentIDCard, name: "张晓梅", sexCode: "2", birthDate: "19491231",
            number: "11010519491231002X", validFrom: "20150101", validUntil: "长期")
        card.nationCode = "01"
        card.address = "北京市朝阳区示例路88号"
        card.issuingAuthority = "北京市公安局朝阳分局"
        return card
    }()

    /// 李建国, an ordinary valid resident card.
    package static let resident: CardRecord = {
        var card = CardRecord(
            kind: .residentIDCard, name: "李建国", sexCode: "1", birthDate: "19870315",
            number: "440106198703150016", validFrom: "20160501", validUntil: "20360501")
        card.nationCode = "01"
        card.address = "广东省广州市天河区示例大道100号"
        card.issuingAuthority = "广州市公安局天河分局"
        return card
    }()

    /// 王秀英, 回族, a card that expired on 2024-06-01.
    package static let expired: CardRecord = {
        var card = CardRecord(
            kind: .residentIDCard, name: "王秀英", sexCode: "2", birthDate: "19620704",
            number: "330102196207040045", validFrom: "20040601", validUntil: "20240601")
        card.nationCode = "03"
        card.address = "浙江省杭州市上城区示例街5号"
        card.issuingAuthority = "杭州市公安局上城分局"
        return card
    }()

    /// 吴𠮷: a name with a character outside the BMP (U+20BB7, a surrogate pair in UTF-16).
    package static let rare: CardRecord = {
        var card = CardRecord(
            kind: .residentIDCard, name: "吴\u{20BB7}", sexCode: "2", birthDate: "19780909",
            number: "320583197809090085", validFrom: "20180301", validUntil: "20380301")
        card.nationCode = "01"
        card.address = "江苏省昆山市示例路9号"
        card.issuingAuthority = "昆山市公安局"
        return card
    }()

    /// 陈家明: a 港澳台居民居住证 (flag `J`).
    package static let hkmo: CardRecord = {
        var card = CardRecord(
            kind: .residencePermit, name: "陈家明", sexCode: "1", birthDate: "19940823",
            number: "810000199408230013", validFrom: "20230301", validUntil: "20280301")
        card.address = "广东省深圳市福田区示例路1号"
        card.issuingAuthority = "深圳市公安局"
        card.passNumber = "H12345678"
        card.issueCount = "01"
        return card
    }()

    /// 约翰 / SMITH JOHN: a 2023 外国人永久居留身份证 (flag `Y`).
    package static let foreigner: CardRecord = {
        var card = CardRecord(
            kind: .foreignerPermanentResidenceIDCard, name: "约翰", sexCode: "1", birthDate: "19850612",
            number: "931156198506120011", validFrom: "20231201", validUntil: "20331201")
        card.englishName = "SMITH JOHN"
        card.nationality = "USA"
        card.renewalCount = "00"
        return card
    }()

    /// 赵磊, a young adult's resident card.
    package static let young: CardRecord = {
        var card = CardRecord(
            kind: .residentIDCard, name: "赵磊", sexCode: "1", birthDate: "19900101",
            number: "510107199001010034", validFrom: "20200101", validUntil: "20300101")
        card.nationCode = "01"
        card.address = "四川省成都市武侯区示例路7号"
        card.issuingAuthority = "成都市公安局武侯分局"
        return card
    }()

    /// Every sample card by its name (`elder`, `resident`, `expired`, `rare`, `hkmo`, `foreigner`, `young`).
    package static let all: [(name: String, card: CardRecord)] = [
        ("elder", elder), ("resident", resident), ("expired", expired), ("rare", rare), ("hkmo", hkmo),
        ("foreigner", foreigner), ("young", young),
    ]

    /// The sample card called `name`, or `nil`.
    package static func named(_ name: String) -> CardRecord? {
        all.first { $0.name == name }?.card
    }
}
