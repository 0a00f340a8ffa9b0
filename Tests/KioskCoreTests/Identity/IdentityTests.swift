import Foundation
import Testing

@testable import KioskCore

@Suite struct IdentityTests {
    /// A resident identity; fields overridable per test.
    static func make(
        name: String = "张晓梅", sex: Sex? = .female, birth: String = "19491231",
        number: String = "11010519491231002X", address: String = "北京市朝阳区示例路88号",
        validity: Validity? = Validity(start: CardDate(yyyymmdd: "20150101")!, end: .longTerm)
    ) -> Identity {
        Identity(
            kind: .residentIDCard, name: name, sex: sex, nation: Nation(code: "01"),
            birthDate: CardDate(yyyymmdd: birth), address: address, number: number,
            issuingAuthority: "北京市公安局朝阳分局", validity: validity,
            photo: CardPhoto(bytes: [UInt8](repeating: 0x5A, count: 1024)))
    }

    @Test func consistentCardHasNoIssues() {
        #expect(Self.make().issues.isEmpty)
    }

    /// The reference's §9(b) example: male, born 1990-01-01, with a number encoding a woman born 1949.
    @Test func numberDisagreeingWithBirthAndSexIsFlagged() {
        let identity = Self.make(name: "张三", sex: .male, birth: "19900101")
        #expect(identity.issues == [.birthDateMismatch, .sexMismatch])
    }

    @Test func badCheckDigitIsFlagged() {
        #expect(Self.make(number: "110105194912310021").issues == [.checkDigitMismatch])
        #expect(Self.make(number: "ABC").issues == [.malformedNumber])
    }

    @Test func unreadableDatesAreFlagged() {
        let identity = Self.make(birth: "1949XX31", validity: nil)
        #expect(identity.issues.contains(.invalidBirthDate))
        #expect(identity.issues.contains(.invalidValidity))
        #expect(!identity.isExpired(on: CardDate(yyyymmdd: "20990101")!))
    }

    @Test func expiryFollowsToday() throws {
        let validity = Validity(
            start: try #require(CardDate(yyyymmdd: "20040601")),
            end: .date(try #require(CardDate(yyyymmdd: "20240601"))))
        let identity = Self.make(validity: validity)
        #expect(!identity.isExpired(on: try #require(CardDate(yyyymmdd: "20240601"))))
        #expect(identity.isExpired(on: try #require(CardDate(yyyymmdd: "20240602"))))
        #expect(Identity.expiredNotice.hasPrefix("您的证件已过有效期"))
        #expect(validity.displayText == "2004.06.01-2024.06.01")
    }

    @Test func longTermNeverExpires() throws {
        let identity = Self.make()
        #expect(!identity.isExpired(on: try #require(CardDate(yyyymmdd: "29991231"))))
        #expect(identity.validity?.displayText == "2015.01.01-长期")
    }

    @Test func maskedViewsAndDescriptionHideTheHolder() {
        let identity = Self.make()
        #expect(identity.maskedName == "张*梅")
        #expect(identity.maskedNumber == "110***********002X")
        #expect(identity.maskedAddress == "北京市朝阳区****")
        for text in [identity.description, identity.debugDescription, "\(identity)"] {
            #expect(!text.contains("张晓梅"))
            #expect(!text.contains("11010519491231002X"))
        }
    }

    @Test func textFieldsAreSanitised() {
        let identity = Self.make(name: " 张\u{1B}[31m晓梅\u{9B} ", address: "北京\u{1B}]0;x\u{07}市")
        #expect(identity.name == "张[31m晓梅")
        #expect(identity.address == "北京]0;x市")
    }

    @Test func photoIsWipedInPlace() {
        let identity = Self.make()
        let copy = identity
        #expect(identity.photo.count == 1024)
        #expect(!identity.photo.isWiped)
        identity.wipe()
        #expect(copy.photo.isWiped)
        #expect(copy.photo.withBytes { $0.count } == 1024)
    }

    @Test func todayIsTheDayInChinaStandardTime() throws {
        // 2024-06-01T16:30:00Z is 2024-06-02 00:30 in Beijing, whatever the machine's time zone.
        let date = Date(timeIntervalSince1970: 1_717_259_400)
        #expect(CardDate(date) == CardDate(yyyymmdd: "20240602"))
        #expect(CardDate(date.addingTimeInterval(-3600)) == CardDate(yyyymmdd: "20240601"))
    }
}
