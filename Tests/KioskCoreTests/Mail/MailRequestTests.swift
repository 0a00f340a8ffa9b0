import Foundation
import KioskCore
import Testing

@Suite struct MailRequestTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    static func request(
        case number: String = "DEMO-LJG-0002", key: String = "key-1", phone: String = "13912345678",
        postcode: String = "510000"
    ) -> MailRequest {
        MailRequest(
            caseNumber: number, idempotencyKey: key, recipientName: "李建国", phone: phone, regionCode: "440106",
            address: "广东省广州市天河区天河北路233号", postcode: postcode, certificateName: "营业执照", requestedAt: now)
    }

    @Test(arguments: [
        ("13912345678", true), ("19900001111", true), ("12912345678", false), ("1391234567", false),
        ("139123456789", false), ("23912345678", false), ("1391234567a", false), ("１３９１２３４５６７８", false),
    ])
    func mobilePhones(_ phone: String, _ valid: Bool) {
        #expect(MobileNumber.isValid(phone) == valid)
    }

    @Test(arguments: [("510000", true), ("100101", true), ("51000", false), ("5100000", false), ("51000a", false)])
    func postcodes(_ code: String, _ valid: Bool) {
        #expect(MailFieldRules.isPostcode(code) == valid)
    }

    @Test func validationErrorsAreTypedWithChineseMessages() {
        let bad = Self.request(phone: "12345")
        let error = #expect(throws: MailValidationError.self) { try bad.validated() }
        #expect(error?.field == .phone)
        #expect(error?.citizenMessage == "请输入11位手机号码(以13至19开头)")
        #expect(error?.description == "mail request: phone is not valid")
        let badPostcode = #expect(throws: MailValidationError.self) { try Self.request(postcode: "5100").validated() }
        #expect(badPostcode?.field == .postcode && badPostcode?.problem == .invalid)
        // An unknown postcode may be left empty: the postal service routes by region and address.
        #expect(throws: Never.self) { try Self.request(postcode: " ").validated() }
    }

    @Test func aCommitLeavesOneOutboxRowAndOneMaskedAuditRow() async throws {
        let database = try AppDatabase.inMemory()
        let submission = try await database.submitMailRequest(Self.request(), terminalId: "T-01")
        guard case .created(let stored) = submission else {
            Issue.record("expected a new request")
            return
        }
        let outbox = try await database.outboxEntries()
        #expect(outbox.count == 1)
        #expect(outbox.first?.kind == .mailRequest && outbox.first?.recordId == stored.id)
        #expect(outbox.first?.idempotencyKey == "key-1")
        let audit = try await database.auditEvents()
        #expect(audit.count == 1)
        let subject = try #require(audit.first?.subject)
        #expect(audit.first?.event == "mail.requested" && audit.first?.terminalId == "T-01")
        #expect(subject.contains("李*") && subject.contains("139****5678"))
        let everything = "\(audit.first?.subject ?? "") \(audit.first?.detail ?? "")"
        #expect(!everything.contains("13912345678") && !everything.contains("李建国") && !everything.contains("233号"))
    }

    @Test func aSecondRequestForTheSameCaseIsRefusedAndTheFirstReturned() async throws {
        let database = try AppDatabase.inMemory()
        let first = try await database.submitMailRequest(Self.request(key: "k1"), terminalId: "T")
        let second = try await database.submitMailRequest(
            Self.request(key: "k2", phone: "13800000000"), terminalId: "T")
        #expect(second == .existing(first.request))
        #expect(try await database.mailRequests().count == 1)
        #expect(try await database.outboxEntries().count == 1)
        let events = try await database.auditEvents().map(\.outcome)
        #expect(events == ["success", "refused-duplicate"])
    }

    @Test func theSameIdempotencyKeyIsStoredOnce() async throws {
        let database = try AppDatabase.inMemory()
        let first = try await database.submitMailRequest(Self.request(key: "same"), terminalId: "T")
        let retry = try await database.submitMailRequest(Self.request(key: "same"), terminalId: "T")
        #expect(retry == .existing(first.request))
        #expect(try await database.mailRequests().count == 1)
        #expect(try await database.outboxEntries().count == 1)
        #expect(try await database.auditEvents().count == 1)
    }

    @Test func anInvalidRequestStoresNothing() async throws {
        let database = try AppDatabase.inMemory()
        await #expect(throws: MailValidationError.self) {
            try await database.submitMailRequest(Self.request(postcode: "5100"), terminalId: "T")
        }
        #expect(try await database.mailRequests().isEmpty)
        #expect(try await database.outboxEntries().isEmpty)
        #expect(try await database.auditEvents().isEmpty)
    }

    @Test func statesFollowTheDeliveryOrder() async throws {
        let database = try AppDatabase.inMemory()
        let id = try #require(try await database.submitMailRequest(Self.request(), terminalId: "T").request.id)
        await #expect(throws: MailUpdateError.self) {
            try await database.updateMailStatus(id: id, to: .delivered, at: Self.now, terminalId: "T")
        }
        await #expect(throws: MailUpdateError.self) {
            try await database.markMailSent(id: id, waybill: "no", at: Self.now, terminalId: "T")
        }
        let posted = try await database.markMailSent(id: id, waybill: "EA123456789CN", at: Self.now, terminalId: "T")
        #expect(posted.status == .posted && posted.waybillNumber == "EA123456789CN")
        for status in [MailStatus.inTransit, .outForDelivery, .delivered] {
            try await database.updateMailStatus(id: id, to: status, at: Self.now, terminalId: "T")
        }
        #expect(try await database.mailRequests(status: .delivered).count == 1)
    }

    @Test func retentionPurgeClearsDeliveredRecipientsOnly() async throws {
        let database = try AppDatabase.inMemory()
        let delivered = try #require(
            try await database.submitMailRequest(Self.request(case: "C-1", key: "k1"), terminalId: "T").request.id)
        _ = try await database.submitMailRequest(Self.request(case: "C-2", key: "k2"), terminalId: "T")
        try await database.markMailSent(id: delivered, waybill: "EA000000001CN", at: Self.now, terminalId: "T")
        try await database.updateMailStatus(id: delivered, to: .delivered, at: Self.now, terminalId: "T")
        #expect(try await database.purgeDeliveredMailPersonalData(deliveredBefore: Self.now) == 0)
        #expect(try await database.purgeDeliveredMailPersonalData(deliveredBefore: Self.now.addingTimeInterval(1)) == 1)
        let purged = try #require(try await database.mailRequest(caseNumber: "C-1"))
        #expect(purged.recipientName == nil && purged.phone == nil && purged.address == nil)
        #expect(purged.personalDataPurgedAt != nil && purged.maskedRecipient == "(已清除)")
        let kept = try #require(try await database.mailRequest(caseNumber: "C-2"))
        #expect(kept.recipientName == "李建国")
    }
}
