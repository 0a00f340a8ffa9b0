import Foundation

/// One step (环节) of a 办件's timeline, for the detail screen.
package struct CaseStep: Codable, Sendable, Equatable {
    /// 环节名称, e.g. 收件, 受理, 审核, 办结.
    package var name: String
    /// 处理部门 or role (never a staff member's personal data beyond what the platform publishes).
    package var handler: String?
    package var start: Date
    /// `nil` while the step is open (环节办理状态 1 待办).
    package var end: Date?
    /// 意见 shown to the citizen, if any.
    package var opinion: String?

    package init(name: String, handler: String? = nil, start: Date, end: Date? = nil, opinion: String? = nil) {
        self.name = name
        self.handler = handler
        self.start = start
        self.end = end
        self.opinion = opinion
    }
}
