import Foundation

/// A period during which the 办件's clock was stopped (rule R12, 行政许可法 §45).
package struct PausedInterval: Codable, Sendable, Equatable {
    /// Why the clock stopped.
    package enum Kind: String, Codable, Sendable, CaseIterable {
        /// 补齐补正: waiting for the applicant's missing materials.
        case correction
        /// 挂起.
        case suspension
        /// 特别程序 (听证, 检验, 专家评审 …).
        case specialProcedure

        package var chineseName: String {
            switch self {
            case .correction: "补齐补正"
            case .suspension: "挂起"
            case .specialProcedure: "特别程序"
            }
        }
    }

    package var kind: Kind
    package var start: Date
    /// `nil` while the pause is still running.
    package var end: Date?

    package init(kind: Kind, start: Date, end: Date?) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    /// The civil days the pause removes from day-based counting: the days after the pause started,
    /// up to and including the day it ended (the day a pause starts was already counted, like the
    /// day of acceptance is not; counting resumes the day after the pause ends).
    func excludedDays(now: Date) -> ClosedRange<CivilDate>? {
        let first = CivilDate(start).adding(days: 1)
        let last = CivilDate(end ?? now)
        return first <= last ? first...last : nil
    }

    /// Seconds the pause lasted (until `now` while open), for hour- and minute-based limits.
    func duration(now: Date) -> TimeInterval {
        max(0, (end ?? now).timeIntervalSince(start))
    }
}
