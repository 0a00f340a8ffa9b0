import Foundation

/// The government back office as the kiosk sees it: queries for 办件 and submission of confirmed
/// requests.
///
/// The local implementation (``LocalBackOffice``) answers from the SQLite replica and queues
/// submissions in the outbox; a remote implementation (HTTP) can answer from the platform and fall
/// back to the replica.
package protocol BackOffice: Sendable {
    /// The 办件 whose applicant or agent 证件号 equals `idNumber` (the card's number, R7).
    func caseFiles(forIdNumber idNumber: String) async throws -> [CaseFile]

    /// One 办件 by 办件编号 and 查询密码; `nil` when the pair does not match (no hint which part).
    func application(number: String, queryPassword: String) async throws -> CaseFile?

    /// Submits a confirmed mail request; refuses a second one for the same 办件 (returns it).
    ///
    /// - Throws: ``MailValidationError`` for an invalid form, ``BackOfficeError`` when the 办件 is
    ///   not eligible for mail.
    func submitMailRequest(_ request: MailRequest) async throws -> MailSubmission

    /// Submits a rating (one per 办件 and channel, plus one 追评).
    func submitEvaluation(_ evaluation: Evaluation) async throws -> EvaluationSubmission
}

/// A request the back office refuses for business reasons.
package struct BackOfficeError: Error, CustomStringConvertible, Sendable, Equatable {
    private enum Kind: Sendable, Equatable {
        case unknownCase
        case notMailEligible
    }

    private let kind: Kind
    /// The 办件编号 concerned.
    package let caseNumber: String

    static func unknownCase(_ number: String) -> BackOfficeError {
        BackOfficeError(kind: .unknownCase, caseNumber: number)
    }
    static func notMailEligible(_ number: String) -> BackOfficeError {
        BackOfficeError(kind: .notMailEligible, caseNumber: number)
    }

    /// What the citizen reads.
    package var citizenMessage: String {
        switch kind {
        case .unknownCase: "未找到该办件,请咨询窗口"
        case .notMailEligible: "该办件暂不支持邮寄,请到窗口领取"
        }
    }

    package var description: String {
        switch kind {
        case .unknownCase: "case \(caseNumber) is not in the replica"
        case .notMailEligible: "case \(caseNumber) is not eligible for mail delivery"
        }
    }
}
