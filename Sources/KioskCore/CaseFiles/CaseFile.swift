import Foundation
import GRDB

/// A 办件 (one application of one citizen for one service item), as the replica holds it.
///
/// Named `CaseFile` rather than `Application` so it is never confused with the program or the
/// Foundation/UI notion of an application. The 办件编号 ``number`` is opaque (R8): never parse it.
package struct CaseFile: Codable, Sendable, Equatable, KioskRecord, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "caseFile"

    /// 办件编号: ≤ 50 characters of `[0-9A-Za-z-]`.
    package var number: String
    /// 事项名称.
    package var itemName: String
    /// 事项编码 (the service item, see ``ServiceItem``), optional.
    package var itemCode: String?
    /// 受理部门.
    package var department: String
    /// Applicant's name as the platform has it (masked before display).
    package var applicantName: String
    /// Applicant's 证件号码.
    package var applicantIdNumber: String
    /// Agent's (代办人) 证件号码, when someone applied on the applicant's behalf.
    package var agentIdNumber: String?
    /// 办件类型.
    package var approvalType: ApprovalType
    /// The platform's status code (see ``StatusCodeMapping``).
    package var statusCode: Int
    /// The platform's 办结结果 code, once finished.
    package var resultCode: Int?
    /// 受理时间; `nil` while only received.
    package var acceptedAt: Date?
    /// 承诺时限 value and unit.
    package var promiseLimit: Int?
    package var promiseUnit: TimeLimitUnit?
    /// The platform's 承诺办结时间 (preferred over a computed date, R10).
    package var promisedAt: Date?
    /// 补齐补正 / 挂起 / 特别程序 intervals.
    package var pauses: [PausedInterval]
    /// 办结时间.
    package var finishedAt: Date?
    /// When the result reached the citizen (已送达/已领取).
    package var deliveredAt: Date?
    /// The item allows 物流快递.
    package var itemAllowsMail: Bool
    /// The 办件 is flagged 是否快递寄送结果.
    package var mailFlagged: Bool
    /// 结果证照名称.
    package var certificateName: String?
    /// 咨询电话 / 监督电话.
    package var consultPhone: String?
    package var supervisionPhone: String?
    /// The applicant's address on record (default mail address, shown masked).
    package var addressOnRecord: String?
    /// The hashed 查询密码 (``QueryPassword``), when the platform issued one.
    package var queryPasswordHash: String?
    /// Step timeline for the detail screen, oldest first.
    package var steps: [CaseStep]
    /// When the replica last received this record.
    package var updatedAt: Date

    package init(
        number: String, itemName: String, itemCode: String? = nil, department: String, applicantName: String,
        applicantIdNumber: String, agentIdNumber: String? = nil, approvalType: ApprovalType = .promised,
        statusCode: Int, resultCode: Int? = nil, acceptedAt: Date?, promiseLimit: TimeLimit? = nil,
        promisedAt: Date? = nil, pauses: [PausedInterval] = [], finishedAt: Date? = nil, deliveredAt: Date? = nil,
        itemAllowsMail: Bool = false, mailFlagged: Bool = false, certificateName: String? = nil,
        consultPhone: String? = nil, supervisionPhone: String? = nil, addressOnRecord: String? = nil,
        queryPasswordHash: String? = nil, steps: [CaseStep] = [], updatedAt: Date
    ) {
        self.number = number
        self.itemName = itemName
        self.itemCode = itemCode
        self.department = department
        self.applicantName = applicantName
        self.applicantIdNumber = applicantIdNumber
        self.agentIdNumber = agentIdNumber
        self.approvalType = approvalType
        self.statusCode = statusCode
        self.resultCode = resultCode
        self.acceptedAt = acceptedAt
        self.promiseLimit = promiseLimit?.value
        self.promiseUnit = promiseLimit?.unit
        self.promisedAt = promisedAt
        self.pauses = pauses
        self.finishedAt = finishedAt
        self.deliveredAt = deliveredAt
        self.itemAllowsMail = itemAllowsMail
        self.mailFlagged = mailFlagged
        self.certificateName = certificateName
        self.consultPhone = consultPhone
        self.supervisionPhone = supervisionPhone
        self.addressOnRecord = addressOnRecord
        self.queryPasswordHash = queryPasswordHash
        self.steps = steps
        self.updatedAt = updatedAt
    }

    /// The promised limit, when both value and unit are known.
    package var timeLimit: TimeLimit? {
        guard let promiseLimit, let promiseUnit else { return nil }
        return TimeLimit(promiseLimit, promiseUnit)
    }

    /// Mail delivery may be offered (R21): the item allows 物流快递 and the 办件 is flagged.
    package var isMailEligible: Bool { itemAllowsMail && mailFlagged }

    /// The citizen-facing state under a platform's code numbering.
    package func citizenState(mapping: StatusCodeMapping = .standard) -> CitizenState {
        mapping.citizenState(statusCode: statusCode, resultCode: resultCode, delivered: deliveredAt != nil)
    }

    /// The deadline (R10–R13), `nil` before acceptance or when no limit is known.
    package func deadline(calculator: DeadlineCalculator, now: Date) -> Deadline? {
        guard let acceptedAt else { return nil }
        return calculator.deadline(
            acceptedAt: acceptedAt, limit: timeLimit, approvalType: approvalType, pauses: pauses,
            promisedAt: promisedAt, now: now)
    }

    /// 正常/临期/超期 (R14), `nil` when there is no deadline or the matter was withdrawn or
    /// needs the window.
    package func deadlineStatus(
        calculator: DeadlineCalculator, mapping: StatusCodeMapping = .standard, now: Date
    ) -> DeadlineStatus? {
        let state = citizenState(mapping: mapping)
        if state == .withdrawn || state == .askAtWindow { return nil }
        guard let deadline = deadline(calculator: calculator, now: now) else { return nil }
        return calculator.status(of: deadline, finishedAt: finishedAt, now: now)
    }

    /// `true` when `password` matches the stored 查询密码 hash.
    package func acceptsQueryPassword(_ password: String) -> Bool {
        guard let queryPasswordHash else { return false }
        return QueryPassword.verify(password, against: queryPasswordHash)
    }

    package enum Columns {
        package static let number = Column(CodingKeys.number)
        package static let applicantIdNumber = Column(CodingKeys.applicantIdNumber)
        package static let agentIdNumber = Column(CodingKeys.agentIdNumber)
        package static let acceptedAt = Column(CodingKeys.acceptedAt)
    }
}

/// Rules for the 办件编号 (R8): opaque, ≤ 50 characters of `[0-9A-Za-z-]`.
package enum CaseNumber {
    /// `true` when `number` is a syntactically acceptable 办件编号.
    package static func isValid(_ number: String) -> Bool {
        !number.isEmpty && number.utf8.count <= 50
            && number.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5a).contains(byte) || (0x61...0x7a).contains(byte)
                    || byte == 0x2d
            }
    }
}
