import KioskCore
import Testing

@testable import KioskDevices

@Suite struct CardTextBlockTests {
    static let names = SampleCards.all.map(\.name)

    /// Every sample card survives encode → decode with every field intact and no issues.
    @Test(arguments: names)
    func sampleCardsRoundTrip(_ name: String) throws {
        let card = try #require(SampleCards.named(name))
        let block = CardTextBlock.encode(card)
        #expect(block.count == 256)
        let identity = CardTextBlock.identity(text: block, photo: card.photo)
        #expect(identity.kind == card.kind)
        #expect(identity.name == card.name)
        #expect(identity.number.text == card.number)
        #expect(identity.sex?.rawValue == card.sexCode)
        #expect(identity.birthDate?.compact == card.birthDate)
        #expect(identity.issues.isEmpty, "\(name): \(identity.issues)")
        #expect(identity.photo.withBytes { $0 } == card.photo)
        #expect(identity.photo.count == 1024)
    }

    @Test func rareNameKeepsItsSurrogatePair() throws {
        let card = SampleCards.rare
        let block = CardTextBlock.encode(card)
        // 吴 = U+5434, 𠮷 = D842 DFB7 in UTF-16LE.
        #expect(Array(block.prefix(6)) == [0x34, 0x54, 0x42, 0xD8, 0xB7, 0xDF])
        let identity = CardTextBlock.identity(text: block, photo: card.photo)
        #expect(identity.name == "吴\u{20BB7}")
        #expect(identity.name.unicodeScalars.count == 2)
        #expect(identity.maskedName == "吴*")
    }

    @Test func elderCardIsLongTermAndNationDecoded() {
        let identity = CardTextBlock.identity(text: CardTextBlock.encode(SampleCards.elder), photo: [])
        #expect(identity.validity?.end == .longTerm)
        #expect(identity.nation?.displayName == "汉族")
        #expect(identity.address == "北京市朝阳区示例路88号")
        #expect(identity.issuingAuthority == "北京市公安局朝阳分局")
    }

    @Test func expiredCardIsExpiredToday() throws {
        let identity = CardTextBlock.identity(text: CardTextBlock.encode(SampleCards.expired), photo: [])
        #expect(identity.nation?.displayName == "回族")
        #expect(identity.isExpired(on: try #require(CardDate(yyyymmdd: "20251122"))))
        #expect(
            !CardTextBlock.identity(text: CardTextBlock.encode(SampleCards.resident), photo: [])
                .isExpired(on: try #require(CardDate(yyyymmdd: "20251122"))))
    }

    @Test func residencePermitFields() {
        let block = CardTextBlock.encode(SampleCards.hkmo)
        #expect(Array(block[248...249]) == [0x4A, 0x00])
        let identity = CardTextBlock.identity(text: block, photo: [])
        #expect(identity.kind == .residencePermit)
        #expect(identity.nation == nil)
        #expect(identity.specific == .residencePermit(passNumber: "H12345678", issueCount: "01"))
        #expect(identity.number.regionPrefix == "81")
    }

    @Test func foreignerIDCardFields() {
        let identity = CardTextBlock.identity(text: CardTextBlock.encode(SampleCards.foreigner), photo: [])
        #expect(identity.kind == .foreignerPermanentResidenceIDCard)
        #expect(identity.name == "约翰")
        #expect(identity.englishName == "SMITH JOHN")
        #expect(identity.specific == .foreignerIDCard(nationality: "USA", renewalCount: "00", previousCardLink: ""))
    }

    @Test func longEnglishNameSpansBothFields() {
        var card = SampleCards.foreigner
        card.englishName = "MONTGOMERY-WHITTINGTON ALEXANDRA ELIZABETH"  // 42 characters
        let identity = CardTextBlock.identity(text: CardTextBlock.encode(card), photo: [])
        #expect(identity.englishName == card.englishName)
    }

    @Test func oldForeignerCardLayout() {
        var card = CardRecord(
            kind: .foreignerPermanentResidenceCard, name: "史密斯", sexCode: "1", birthDate: "19700101",
            number: "USA110070010199", validFrom: "20100101", validUntil: "20200101")
        card.englishName = "SMITH, ANNA"
        card.nationality = "USA"
        card.cardVersion = "02"
        card.acceptingAuthorityCode = "1100"
        let block = CardTextBlock.encode(card)
        #expect(Array(block[248...249]) == [0x49, 0x00])
        let identity = CardTextBlock.identity(text: block, photo: [])
        #expect(identity.kind == .foreignerPermanentResidenceCard)
        #expect(identity.name == "史密斯")
        #expect(identity.englishName == "SMITH, ANNA")
        #expect(identity.number.text == "USA110070010199")
        #expect(identity.birthDate == CardDate(yyyymmdd: "19700101"))
        #expect(
            identity.specific == .foreignerCard(nationality: "USA", cardVersion: "02", acceptingAuthorityCode: "1100"))
        #expect(identity.issues.isEmpty)
    }

    /// A hostile card: escape sequences in every text field never reach the identity.
    @Test func escapeSequencesAreStripped() {
        var card = SampleCards.resident
        card.name = "李\u{1B}[2J"
        card.address = "\u{1B}]0;owned\u{07}广州\u{9B}1m"
        card.issuingAuthority = "\u{7F}广州市公安局\u{1B}c"
        let identity = CardTextBlock.identity(text: CardTextBlock.encode(card), photo: [])
        #expect(identity.name == "李[2J")
        #expect(identity.address == "]0;owned广州1m")
        #expect(identity.issuingAuthority == "广州市公安局c")
        for text in [identity.name, identity.address ?? "", identity.issuingAuthority ?? ""] {
            #expect(!text.unicodeScalars.contains { DisplayText.isForbidden($0) })
        }
    }

    @Test func loneSurrogatesAndShortBlocksDoNotCrash() {
        var block = CardTextBlock.encode(SampleCards.young)
        block[0] = 0x42
        block[1] = 0xD8  // a lead surrogate followed by a non-surrogate
        let identity = CardTextBlock.identity(text: block, photo: [])
        #expect(identity.name.hasPrefix("\u{FFFD}"))
        let short = CardTextBlock.identity(text: [0x31, 0x00], photo: [])
        #expect(short.issues.contains(.malformedNumber))
    }
}
