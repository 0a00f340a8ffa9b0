import Foundation
import KioskCore
import KioskUI
import Testing

@testable import KioskApp

/// The parts of the live back end and the domain rules it now takes from Core.
@Suite struct SessionPartsTests {
    @Test("the request number is YJ and the stored id on eight digits; unstored, the idempotency key")
    func requestNumber() {
        var request = MailRequest(
            caseNumber: "A-2", idempotencyKey: "mail-A-2", recipientName: "张晓梅", phone: "13812345678",
            regionCode: "110101", address: "北京市东城区东四北大街1号", postcode: "", certificateName: "不动产权证书",
            requestedAt: LiveSessionBackendItemTests.now)
        #expect(request.requestNumber == "mail-A-2")
        request.id = 42
        #expect(request.requestNumber == "YJ00000042")
    }

    @Test(
        "a mainland resident's county comes from the ID number; permits, foreigners and junk get the kiosk's",
        arguments: [
            ("11010519491231002X", "110105"), ("810000199001011234", "110101"), ("932000199001011234", "110101"),
            ("000000199001011234", "110101"), ("1101", "110101"),
        ])
    func countyCode(number: String, expected: String) {
        #expect(MailRequest.regionCode(for: IdentityNumber(number), kioskCounty: "110101") == expected)
    }

    @Test("the screen's promised date is the date only (the screen adds 预计); the receipt's carries it")
    func estimatedMark() {
        let start = Date(timeIntervalSince1970: 1_798_675_200)  // 2026-12-31 08:00 CST: runs into 2027
        let models = CaseFileViewModels(
            deadlines: DeadlineCalculator(calendar: WorkingDayCalendar()), consultPhone: "0000-12345")
        let caseFile = CaseFile(
            number: "A-9", itemName: "不动产权证书首次登记", department: "市不动产登记中心", applicantName: "张晓梅",
            applicantIdNumber: "11010519491231002X", statusCode: 8, acceptedAt: start,
            promiseLimit: TimeLimit(3, .workingDays), updatedAt: start)
        let row = models.row(for: caseFile, item: nil, now: start)
        #expect(row.isEstimated)
        #expect(!row.promisedDateText.isEmpty && !row.promisedDateText.contains("预计"), "\(row.promisedDateText)")
        #expect(ReceiptTemplates.promisedDate("2027年1月4日", isEstimated: true) == "2027年1月4日（预计）")
        #expect(ReceiptTemplates.promisedDate("2027年1月4日", isEstimated: false) == "2027年1月4日")
    }

    @Test("a mail draft without an address is refused on its field, not as a failure")
    func mailWithoutAddress() async throws {
        let fixture = try await SessionBackendFixture.make()
        let (token, _) = await fixture.backend.open(identity: SessionBackendFixture.identity())
        _ = try await fixture.backend.caseFiles(session: token)
        var draft = try await fixture.backend.mailDefaults(number: "A-2", session: token)
        draft.phone = "13812345678"
        draft.selectedAddressID = nil
        #expect(
            await fixture.backend.submitMail(draft, session: token)
                == .invalid(field: "address", message: MailValidationError(.address, .missing).citizenMessage))
        #expect(fixture.storageFailureCount == 0)
    }
}
