import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// What a 办件's service item decides: 免费邮寄 withdrawn by `allowsMail == false`, and the phones
/// used when the 办件 has none (the site's number only as the last fallback).
@Suite struct ServiceItemPolicyTests {
    static let now = ServiceItemFixture.now

    static func request(_ number: String) -> MailRequest {
        MailRequest(
            caseNumber: number, idempotencyKey: "mail-\(number)", recipientName: "张晓梅", phone: "13812345678",
            regionCode: "110105", address: "北京市东城区东四北大街1号", postcode: "", certificateName: "不动产权证书",
            requestedAt: now)
    }

    @Test("the back office refuses mail for a 办件 whose service item does not allow it")
    func backOfficeRefusesMailTheItemDoesNotAllow() async throws {
        let database = try await ServiceItemFixture.database()
        let backOffice = LocalBackOffice(database: database, terminalId: "T-01")
        let error = await #expect(throws: BackOfficeError.self) {
            try await backOffice.submitMailRequest(Self.request("A-1"))
        }
        #expect(error?.citizenMessage == "该办件暂不支持邮寄,请到窗口领取")
        #expect(try await database.mailRequest(caseNumber: "A-1") == nil)
        for allowed in ["A-2", "A-3"] {
            guard case .created = try await backOffice.submitMailRequest(Self.request(allowed)) else {
                Issue.record("\(allowed): not created")
                continue
            }
        }
    }

    @Test("eligibility and phones: the 办件's own, else the item's, else the fallback")
    func eligibilityAndPhones() async throws {
        let database = try await ServiceItemFixture.database()
        let noMail = try #require(try await database.caseFile(number: "A-1"))
        let mail = try #require(try await database.caseFile(number: "A-2"))
        let none = try #require(try await database.caseFile(number: "A-3"))
        let noMailItem = try await database.serviceItem(for: noMail)
        let mailItem = try await database.serviceItem(for: mail)
        #expect(try await database.serviceItem(for: none) == nil)
        #expect(!noMail.isMailEligible(item: noMailItem))
        #expect(mail.isMailEligible(item: mailItem))
        #expect(none.isMailEligible(item: nil))
        #expect(noMail.consultPhone(item: noMailItem, fallback: "12345") == "0571-110")
        #expect(noMail.supervisionPhone(item: noMailItem, fallback: "12345") == "0571-12389")
        // A blank item number counts as none.
        #expect(mail.consultPhone(item: mailItem, fallback: "12345") == "12345")
        #expect(none.consultPhone(item: nil, fallback: "12345") == "12345")
        let own = ServiceItemFixture.caseFile("A-4", item: "NO-MAIL", consult: "010-1", supervision: "010-2")
        #expect(own.consultPhone(item: noMailItem, fallback: "12345") == "010-1")
        #expect(own.supervisionPhone(item: noMailItem, fallback: "12345") == "010-2")
    }
}
