import Foundation
import KioskCore
import Testing

/// The one mobile-number rule: 11 ASCII digits, `1` then `3`–`9`.
@Suite struct MobileNumberTests {
    @Test(arguments: ["13912345678", "19900001111", "13000000000", " 13912345678 ", "\t18612345678\n"])
    func accepted(_ text: String) throws {
        let number = try MobileNumber(text)
        #expect(number.digits == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(MobileNumber.isValid(text))
    }

    @Test(
        "11 digits with a prefix no mobile number has are refused as such",
        arguments: ["12912345678", "12000000000", "10012345678", "11912345678", "23912345678", "03912345678"])
    func notMobilePrefix(_ text: String) {
        let error = #expect(throws: MobileNumberError.self) { try MobileNumber(text) }
        #expect(error?.isNotMobilePrefix == true)
        #expect(error?.citizenMessage == "手机号码应以13至19开头,请核对")
        #expect(error?.description == "mobile number: does not start with 13 to 19")
        #expect(!MobileNumber.isValid(text))
    }

    @Test(
        "empty, short, long and non-digit texts are refused as incomplete",
        arguments: [
            ("", "mobile number: missing"), ("   ", "mobile number: missing"),
            ("1391234567", "mobile number: 10 digits, expected 11"),
            ("139123456789", "mobile number: 12 digits, expected 11"),
            ("1391234567a", "mobile number: not all ASCII digits"),
            ("１３９１２３４５６７８", "mobile number: not all ASCII digits"),
            ("+8613912345678", "mobile number: not all ASCII digits"),
            ("139 1234 5678", "mobile number: not all ASCII digits"),
        ])
    func incomplete(_ text: String, _ description: String) {
        let error = #expect(throws: MobileNumberError.self) { try MobileNumber(text) }
        #expect(error?.isNotMobilePrefix == false)
        #expect(error?.citizenMessage == "请输入11位手机号码")
        #expect(error?.description == description)
    }

    @Test("the number is masked when printed")
    func maskedDescription() throws {
        let number = try MobileNumber("13812345678")
        #expect("\(number)" == "138****5678")
    }

    @Test("a mail request and a rating's callback phone follow the same rule")
    func mailAndRatingAgree() {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        for phone in ["12912345678", "13912345678", "1391234567"] {
            let mail = MailRequest(
                caseNumber: "DEMO-LJG-0002", idempotencyKey: "k", recipientName: "李建国", phone: phone,
                regionCode: "440106", address: "广东省广州市天河区天河北路233号", postcode: "510000",
                certificateName: "营业执照", requestedAt: now)
            let rating = Evaluation(
                caseNumber: "DEMO-LJG-0002", level: .dissatisfied, reasons: ["slow"], callbackPhone: phone,
                ratedAt: now, regionCode: "440106", idempotencyKey: "r")
            let mailAccepted = (try? mail.validated()) != nil
            let ratingAccepted = (try? rating.validated()) != nil
            #expect(mailAccepted == MobileNumber.isValid(phone), "\(phone)")
            #expect(ratingAccepted == MobileNumber.isValid(phone), "\(phone)")
        }
    }
}
