import Foundation

/// When a 办件 is due, and how sure the kiosk is about it.
package struct Deadline: Sendable, Equatable {
    /// Where the date comes from.
    package enum Source: String, Sendable {
        /// The platform's 承诺办结时间 (preferred, R10).
        case platform
        /// Computed locally from the accepted time and the promised limit.
        case computed
    }

    /// The last day (for day-based limits); the 办件 is due by its end (24:00).
    package var dueDay: CivilDate
    /// The instant the limit expires.
    package var dueAt: Date
    /// The calendar did not cover every day the computation touched: label the date 预计 (R13).
    package var isEstimated: Bool
    /// A pause is still running: the date moves later every day the pause lasts.
    package var isPaused: Bool
    package var source: Source

    package init(dueDay: CivilDate, dueAt: Date, isEstimated: Bool, isPaused: Bool, source: Source) {
        self.dueDay = dueDay
        self.dueAt = dueAt
        self.isEstimated = isEstimated
        self.isPaused = isPaused
        self.source = source
    }
}

/// Where a 办件 stands against its deadline (R14).
package enum DeadlineStatus: String, Sendable, Codable, CaseIterable {
    /// Open and not close to the deadline.
    case onTime
    /// Open, and the deadline falls within the configured 临期 window.
    case dueSoon
    /// Open and past the deadline (超期).
    case overdue
    /// Finished by the deadline.
    case finishedOnTime
    /// Finished after the deadline (超期办结).
    case finishedLate

    /// The citizen-facing label.
    package var chineseName: String {
        switch self {
        case .onTime: "正常"
        case .dueSoon: "临期"
        case .overdue: "超期"
        case .finishedOnTime: "按期办结"
        case .finishedLate: "超期办结"
        }
    }

    /// `true` for the two 超期 cases.
    package var isLate: Bool { self == .overdue || self == .finishedLate }
}

/// Settings of the deadline rules that have no national value.
package struct DeadlinePolicy: Sendable, Equatable {
    /// 临期: an open 办件 is due soon when at most this many working days (today included) are left.
    package var dueSoonWorkingDays: Int

    package init(dueSoonWorkingDays: Int = 2) {
        self.dueSoonWorkingDays = dueSoonWorkingDays
    }
}
