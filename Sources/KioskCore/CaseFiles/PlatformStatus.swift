/// What a platform status code means, independent of how a province numbers it.
package enum PlatformStatus: String, Sendable, Codable, CaseIterable {
    case received
    case withdrawnByApplicant
    case accepted
    case notAccepted
    case correctionStarted
    case correctionEnded
    case processing
    case specialProcedureStarted
    case specialProcedureEnded
    case finishedApproved
    case finishedRefused
    case revoked
}

/// What a platform 办结结果 code means.
package enum PlatformResult: String, Sendable, Codable, CaseIterable {
    /// 出证办结 (准予许可).
    case issued
    /// 不予许可.
    case refused
    /// 作废办结: an administrative correction, never shown as a result.
    case voided
    /// 删除办结 (technical error): never shown as a result.
    case deleted
    /// 转报办结.
    case forwarded
    /// 退件.
    case returned
    /// 不予受理.
    case notAccepted
}

/// The numbering of status and result codes used by one platform (codes differ between provinces:
/// never hard-code a number outside this table).
package struct StatusCodeMapping: Sendable, Equatable {
    package var statuses: [Int: PlatformStatus]
    package var results: [Int: PlatformResult]

    package init(statuses: [Int: PlatformStatus], results: [Int: PlatformResult]) {
        self.statuses = statuses
        self.results = results
    }

    /// The default: the widely reused 工程建设项目审批 state set (1 已接件 … 15 撤销) and the 2020
    /// 办结结果代码 list (0 出证办结 … 6 不予受理).
    package static let standard = StatusCodeMapping(
        statuses: [
            1: .received, 2: .withdrawnByApplicant, 3: .accepted, 4: .notAccepted, 5: .notAccepted,
            6: .correctionStarted, 7: .correctionEnded, 8: .processing, 9: .specialProcedureStarted,
            10: .specialProcedureEnded, 11: .finishedApproved, 12: .finishedApproved, 13: .finishedRefused,
            14: .withdrawnByApplicant, 15: .revoked,
        ],
        results: [
            0: .issued, 1: .refused, 2: .voided, 3: .deleted, 4: .forwarded, 5: .returned, 6: .notAccepted,
        ])

    /// The citizen-facing state for a status code, an optional result code and delivery (R9).
    ///
    /// A result code wins over the status when present; 作废/删除办结 and unknown codes become
    /// 请咨询窗口.
    package func citizenState(statusCode: Int, resultCode: Int?, delivered: Bool) -> CitizenState {
        if let resultCode {
            switch results[resultCode] {
            case .issued?: return delivered ? .delivered : .finished(.approved)
            case .refused?: return .finished(.refused)
            case .forwarded?: return .finished(.forwarded)
            case .returned?: return .finished(.returned)
            case .notAccepted?: return .finished(.notAccepted)
            case .voided?, .deleted?, nil: return .askAtWindow
            }
        }
        switch statuses[statusCode] {
        case .received?: return .submitted
        case .withdrawnByApplicant?, .revoked?: return .withdrawn
        case .accepted?: return .accepted
        case .notAccepted?: return .finished(.notAccepted)
        case .correctionStarted?: return .awaitingCorrection
        case .correctionEnded?, .processing?, .specialProcedureEnded?: return .inProgress
        case .specialProcedureStarted?: return .specialProcedure
        case .finishedApproved?: return delivered ? .delivered : .finished(.approved)
        case .finishedRefused?: return .finished(.refused)
        case nil: return .askAtWindow
        }
    }
}
