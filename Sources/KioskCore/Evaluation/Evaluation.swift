import Foundation
import GRDB

/// A citizen's rating of one 办件 at the kiosk (rules R17, R18).
package struct Evaluation: Codable, Sendable, Equatable, KioskRecord, FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "evaluation"

    package var id: Int64?
    /// 办件编号.
    package var caseNumber: String
    /// 评价渠道 code as sent (the kiosk is 5, 自助终端).
    package var channel: Int
    package var level: SatisfactionLevel
    /// Reasons (indicator codes or chosen texts); required for 差评.
    package var reasons: [String]
    /// 文字评价.
    package var comment: String?
    /// Callback phone offered for 实名差评 (optional).
    package var callbackPhone: String?
    /// 评价次数: 1 first rating, 2 追评.
    package var round: Int
    package var ratedAt: Date
    /// 行政区划 of the kiosk (6 digits).
    package var regionCode: String
    package var idempotencyKey: String

    package init(
        caseNumber: String, channel: Int = 5, level: SatisfactionLevel, reasons: [String] = [],
        comment: String? = nil, callbackPhone: String? = nil, round: Int = 1, ratedAt: Date, regionCode: String,
        idempotencyKey: String
    ) {
        self.caseNumber = caseNumber
        self.channel = channel
        self.level = level
        self.reasons = reasons
        self.comment = comment
        self.callbackPhone = callbackPhone
        self.round = round
        self.ratedAt = ratedAt
        self.regionCode = regionCode
        self.idempotencyKey = idempotencyKey
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// 评价时间 as GB/T 39046 writes it: `YYYYMMDDThhmmss` in China Standard Time.
    package var ratedAtText: String { Self.timestamp(ratedAt) }

    /// Formats a time as `YYYYMMDDThhmmss` (China Standard Time).
    package static func timestamp(_ date: Date) -> String {
        let moment = ChinaTime.moment(date)
        return moment.day.year.zeroPadded(4) + moment.day.month.zeroPadded(2) + moment.day.day.zeroPadded(2) + "T"
            + moment.hour.zeroPadded(2) + moment.minute.zeroPadded(2) + moment.second.zeroPadded(2)
    }

    /// Checks the rules of one rating.
    ///
    /// - Throws: ``EvaluationError`` for a missing 差评 reason, a bad phone, round or region.
    package func validated() throws -> Evaluation {
        var copy = self
        copy.reasons = reasons.map { String($0.trimmingWhitespace()) }.filter { !$0.isEmpty }
        copy.comment = comment.map { String($0.trimmingWhitespace()) }.flatMap { $0.isEmpty ? nil : $0 }
        copy.callbackPhone = callbackPhone.map { String($0.trimmingWhitespace()) }.flatMap { $0.isEmpty ? nil : $0 }
        guard CaseNumber.isValid(caseNumber) else { throw EvaluationError.invalidCaseNumber }
        if level.isNegative && copy.reasons.isEmpty && copy.comment == nil { throw EvaluationError.reasonRequired }
        if let phone = copy.callbackPhone, !MobileNumber.isValid(phone) {
            throw EvaluationError.invalidCallbackPhone
        }
        guard round == 1 || round == 2 else { throw EvaluationError.invalidRound }
        guard MailFieldRules.isRegionCode(regionCode) else { throw EvaluationError.invalidRegion }
        guard (copy.comment?.count ?? 0) <= 500 else { throw EvaluationError.commentTooLong }
        return copy
    }

    package enum Columns {
        package static let id = Column(CodingKeys.id)
        package static let caseNumber = Column(CodingKeys.caseNumber)
        package static let channel = Column(CodingKeys.channel)
        package static let round = Column(CodingKeys.round)
        package static let ratedAt = Column(CodingKeys.ratedAt)
        package static let idempotencyKey = Column(CodingKeys.idempotencyKey)
    }
}

/// A rating that breaks the rules, with a Chinese message for the screen.
package struct EvaluationError: Error, CustomStringConvertible, Sendable, Equatable {
    private enum Kind: Sendable, Equatable {
        case invalidCaseNumber, reasonRequired, invalidCallbackPhone, invalidRound, invalidRegion, commentTooLong
        case alreadyRated(round: Int)
        case followUpWithoutFirst
    }

    private let kind: Kind

    static let invalidCaseNumber = EvaluationError(kind: .invalidCaseNumber)
    static let reasonRequired = EvaluationError(kind: .reasonRequired)
    static let invalidCallbackPhone = EvaluationError(kind: .invalidCallbackPhone)
    static let invalidRound = EvaluationError(kind: .invalidRound)
    static let invalidRegion = EvaluationError(kind: .invalidRegion)
    static let commentTooLong = EvaluationError(kind: .commentTooLong)
    static let followUpWithoutFirst = EvaluationError(kind: .followUpWithoutFirst)
    static func alreadyRated(round: Int) -> EvaluationError { EvaluationError(kind: .alreadyRated(round: round)) }

    /// `true` when the 办件 already has a rating of this round on this channel.
    package var isAlreadyRated: Bool {
        if case .alreadyRated = kind { return true }
        return false
    }

    /// The rating's field at fault (`caseNumber`, `reasons`, `callbackPhone`, `comment`), or empty
    /// when the refusal concerns the rating as a whole (already rated, no first rating, the kiosk's
    /// round or region).
    package var field: String {
        switch kind {
        case .invalidCaseNumber: "caseNumber"
        case .reasonRequired: "reasons"
        case .invalidCallbackPhone: "callbackPhone"
        case .commentTooLong: "comment"
        case .invalidRound, .invalidRegion, .alreadyRated, .followUpWithoutFirst: ""
        }
    }

    package var citizenMessage: String {
        switch kind {
        case .invalidCaseNumber: "办件编号格式不正确"
        case .reasonRequired: "请选择或填写不满意的原因"
        case .invalidCallbackPhone: MobileNumber.ruleMessage
        case .invalidRound, .invalidRegion: "评价暂时无法提交,请咨询窗口"
        case .commentTooLong: "文字评价不能超过500个字"
        case .alreadyRated(let round): round == 1 ? "该办件已评价,可追加评价一次" : "该办件已追加评价"
        case .followUpWithoutFirst: "请先完成首次评价"
        }
    }

    package var description: String {
        switch kind {
        case .invalidCaseNumber: "evaluation: invalid case number"
        case .reasonRequired: "evaluation: a negative rating needs a reason"
        case .invalidCallbackPhone: "evaluation: the callback phone is not a mainland mobile number"
        case .invalidRound: "evaluation: round must be 1 or 2"
        case .invalidRegion: "evaluation: region code must be 6 digits"
        case .commentTooLong: "evaluation: comment longer than 500 characters"
        case .alreadyRated(let round): "evaluation: round \(round) already stored for this case and channel"
        case .followUpWithoutFirst: "evaluation: a follow-up (round 2) needs a first rating"
        }
    }
}
