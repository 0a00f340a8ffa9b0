import Foundation
import GRDB

/// A citizen's request to have a result (证照) mailed (rule R21).
///
/// Recipient name, phone and address are personal data: they are shown and printed masked, leave
/// the kiosk only through `kiosk mail export` and the sync service, and are cleared by
/// ``AppDatabase/purgeDeliveredMailPersonalData(deliveredBefore:now:requireUpstreamDelivery:)`` once delivered.
package struct MailRequest: Codable, Sendable, Equatable, KioskRecord, FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "mailRequest"

    package var id: Int64?
    /// 办件编号.
    package var caseNumber: String
    /// Unique per confirmed request; a retried submission with the same key is stored once.
    package var idempotencyKey: String
    /// 收件人; `nil` after the retention purge.
    package var recipientName: String?
    /// Mainland mobile number; `nil` after the purge.
    package var phone: String?
    /// GB/T 2260 six-digit county code (省/市/区).
    package var regionCode: String
    /// 详细地址; `nil` after the purge.
    package var address: String?
    /// Six-digit postcode.
    package var postcode: String
    /// 证照名称.
    package var certificateName: String
    package var status: MailStatus
    /// EMS waybill number once posted.
    package var waybillNumber: String?
    package var requestedAt: Date
    package var updatedAt: Date
    package var deliveredAt: Date?
    package var personalDataPurgedAt: Date?

    /// A new request in state 已申请; call ``validated()`` before submitting.
    package init(
        caseNumber: String, idempotencyKey: String, recipientName: String, phone: String, regionCode: String,
        address: String, postcode: String, certificateName: String, requestedAt: Date
    ) {
        self.caseNumber = caseNumber
        self.idempotencyKey = idempotencyKey
        self.recipientName = recipientName
        self.phone = phone
        self.regionCode = regionCode
        self.address = address
        self.postcode = postcode
        self.certificateName = certificateName
        self.status = .requested
        self.requestedAt = requestedAt
        self.updatedAt = requestedAt
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The request with surrounding spaces trimmed, after checking every field.
    ///
    /// - Throws: the first ``MailValidationError`` in screen order.
    package func validated() throws -> MailRequest {
        var copy = self
        func trimmed(_ value: String?) -> String { value.map { String($0.trimmingWhitespace()) } ?? "" }
        copy.recipientName = trimmed(recipientName)
        copy.phone = trimmed(phone)
        copy.regionCode = trimmed(regionCode)
        copy.address = trimmed(address)
        copy.postcode = trimmed(postcode)
        copy.caseNumber = trimmed(caseNumber)
        copy.certificateName = trimmed(certificateName)
        try Self.check(copy.recipientName!, .recipientName, max: 30)
        try Self.check(copy.phone!, .phone)
        guard MobileNumber.isValid(copy.phone!) else { throw MailValidationError(.phone, .invalid) }
        try Self.check(copy.regionCode, .regionCode)
        guard MailFieldRules.isRegionCode(copy.regionCode) else { throw MailValidationError(.regionCode, .invalid) }
        try Self.check(copy.address!, .address, max: 100)
        // The postcode is optional: citizens often do not know it and the postal service routes by
        // region code and address; when given it must be six digits.
        guard copy.postcode.isEmpty || MailFieldRules.isPostcode(copy.postcode) else {
            throw MailValidationError(.postcode, .invalid)
        }
        try Self.check(copy.caseNumber, .caseNumber)
        guard CaseNumber.isValid(copy.caseNumber) else { throw MailValidationError(.caseNumber, .invalid) }
        try Self.check(copy.certificateName, .certificateName, max: 100)
        try Self.check(idempotencyKey, .idempotencyKey, max: 64)
        return copy
    }

    private static func check(_ value: String, _ field: MailValidationError.Field, max: Int? = nil) throws {
        if value.isEmpty { throw MailValidationError(field, .missing) }
        if let max, value.count > max { throw MailValidationError(field, .tooLong(max: max)) }
    }

    /// Masked recipient for screens, lists and the audit log: `张*  138****5678`.
    package var maskedRecipient: String {
        guard let recipientName, let phone else { return "(已清除)" }
        return "\(Masking.name(recipientName)) \(Masking.phone(phone))"
    }

    /// Masked address (district only).
    package var maskedAddress: String {
        address.map(Masking.address) ?? "(已清除)"
    }

    package enum Columns {
        package static let id = Column(CodingKeys.id)
        package static let caseNumber = Column(CodingKeys.caseNumber)
        package static let idempotencyKey = Column(CodingKeys.idempotencyKey)
        package static let status = Column(CodingKeys.status)
        package static let requestedAt = Column(CodingKeys.requestedAt)
        package static let deliveredAt = Column(CodingKeys.deliveredAt)
    }
}

/// Syntax rules of the mail form's fields (the phone's is ``MobileNumber``).
package enum MailFieldRules {
    /// Six ASCII digits.
    package static func isPostcode(_ code: String) -> Bool { isSixDigits(code) }

    /// A six-digit GB/T 2260 county code (existence is checked by the address picker).
    package static func isRegionCode(_ code: String) -> Bool { isSixDigits(code) && !code.hasPrefix("00") }

    /// The waybill number as stored (surrounding white space removed), or nil when it is not 5 to
    /// 40 ASCII letters or digits. The kiosk's maintenance screen and the gateway's console both
    /// check hand-overs with this.
    package static func waybill(_ text: String) -> String? {
        let waybill = String(text.trimmingWhitespace())
        guard (5...40).contains(waybill.count), waybill.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return nil }
        return waybill
    }

    private static func isSixDigits(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        return bytes.count == 6 && bytes.allSatisfy { (0x30...0x39).contains($0) }
    }
}
