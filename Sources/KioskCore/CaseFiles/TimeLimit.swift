/// The unit of a promised time limit, numbered as PROMISETIMEUNIT in the 电子监察 exchange tables.
package enum TimeLimitUnit: Int, Codable, Sendable, CaseIterable {
    /// 工作日: Monday–Friday minus holidays plus make-up days.
    case workingDays = 1
    /// 自然日: calendar days; a deadline landing on a day off moves to the next working day.
    case naturalDays = 2
    /// 小时.
    case hours = 3
    /// 分钟.
    case minutes = 4
    /// 月.
    case months = 5

    /// The unit as citizens read it.
    package var chineseName: String {
        switch self {
        case .workingDays: "工作日"
        case .naturalDays: "自然日"
        case .hours: "小时"
        case .minutes: "分钟"
        case .months: "月"
        }
    }
}

/// 办件类型 (APPROVALTYPE): 即办件 are due the day they are accepted.
package enum ApprovalType: Int, Codable, Sendable, CaseIterable {
    case immediate = 1
    case promised = 2
    case joint = 3
    case reported = 4

    package var chineseName: String {
        switch self {
        case .immediate: "即办件"
        case .promised: "承诺件"
        case .joint: "联办件"
        case .reported: "上报件"
        }
    }
}

/// The promised limit of a 办件: a number and its unit.
package struct TimeLimit: Codable, Sendable, Equatable {
    package var value: Int
    package var unit: TimeLimitUnit

    package init(_ value: Int, _ unit: TimeLimitUnit) {
        self.value = value
        self.unit = unit
    }
}
