/// The state of a 办件 as the citizen sees it (rule R9; design of domain-rules §2.2).
package enum CitizenState: Sendable, Equatable, Hashable {
    /// 已申请: received, not yet accepted.
    case submitted
    /// 已受理.
    case accepted
    /// 办理中 (承办/审核/审批).
    case inProgress
    /// 补齐补正中: the clock is paused until the applicant supplies materials.
    case awaitingCorrection
    /// 特别程序中: the clock is paused (听证, 检验, 专家评审 …).
    case specialProcedure
    /// 已办结, with its result.
    case finished(CaseResult)
    /// 已送达/已领取.
    case delivered
    /// 已撤回 (withdrawn by the applicant, or the application was revoked).
    case withdrawn
    /// 请咨询窗口: the platform reports an administrative correction (作废/删除办结) or a code the
    /// kiosk does not know; never shown as a result.
    case askAtWindow

    /// The label on screen and on paper.
    package var chineseName: String {
        switch self {
        case .submitted: "已申请"
        case .accepted: "已受理"
        case .inProgress: "办理中"
        case .awaitingCorrection: "补齐补正中"
        case .specialProcedure: "特别程序中"
        case .finished(let result): "已办结(\(result.chineseName))"
        case .delivered: "已送达"
        case .withdrawn: "已撤回"
        case .askAtWindow: "请咨询窗口"
        }
    }

    /// A stable English key for logs, JSON and filters (`finished.approved`, `askAtWindow`…).
    package var key: String {
        switch self {
        case .submitted: "submitted"
        case .accepted: "accepted"
        case .inProgress: "inProgress"
        case .awaitingCorrection: "awaitingCorrection"
        case .specialProcedure: "specialProcedure"
        case .finished(let result): "finished.\(result.rawValue)"
        case .delivered: "delivered"
        case .withdrawn: "withdrawn"
        case .askAtWindow: "askAtWindow"
        }
    }

    /// `true` once the matter is over (finished, delivered or withdrawn): its clock no longer runs.
    package var isClosed: Bool {
        switch self {
        case .finished, .delivered, .withdrawn: true
        default: false
        }
    }
}

/// The result of a finished 办件 that may be shown to the citizen.
package enum CaseResult: String, Sendable, Codable, CaseIterable {
    /// 出证办结 / 准予许可.
    case approved
    /// 不予许可.
    case refused
    /// 不予受理.
    case notAccepted
    /// 退件 (补齐补正 never completed, or the applicant gave up).
    case returned
    /// 转报办结 (passed to a higher authority).
    case forwarded

    package var chineseName: String {
        switch self {
        case .approved: "出证办结"
        case .refused: "不予许可"
        case .notAccepted: "不予受理"
        case .returned: "退件"
        case .forwarded: "转报办结"
        }
    }
}
