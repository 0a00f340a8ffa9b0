/// One 办件 in the citizen's list, with every field already formatted for display.
package struct CaseFileRow: Sendable, Equatable, Identifiable {
    /// The 办件编号 (opaque, rule R8).
    package var number: String
    /// The 事项名称.
    package var itemName: String
    /// The citizen-facing status (rule R9), e.g. `办理中`.
    package var statusText: String
    /// The promised completion date, formatted, e.g. `2026年12月3日`; empty when none applies.
    package var promisedDateText: String
    /// Not finished and past its deadline (rule R14); shown as the text 超期, not only as colour.
    package var isOverdue: Bool
    /// Within the configured 临期 window; shown as the text 临期.
    package var isDueSoon: Bool
    /// The deadline is an estimate (calendar data missing, rule R13); shown as 预计.
    package var isEstimated: Bool
    /// Free mail delivery may be requested for this 办件 (rule R21).
    package var canMail: Bool

    package var id: String { number }

    /// Creates a row from formatted values.
    package init(
        number: String, itemName: String, statusText: String, promisedDateText: String,
        isOverdue: Bool = false, isDueSoon: Bool = false, isEstimated: Bool = false, canMail: Bool = false
    ) {
        self.number = number
        self.itemName = itemName
        self.statusText = statusText
        self.promisedDateText = promisedDateText
        self.isOverdue = isOverdue
        self.isDueSoon = isDueSoon
        self.isEstimated = isEstimated
        self.canMail = canMail
    }
}
