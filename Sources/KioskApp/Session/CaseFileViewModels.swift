import Foundation
import KioskCore
import KioskUI

/// The screens' view models of a 办件: formatted, masked, ready to draw (rule R3).
struct CaseFileViewModels {
    let deadlines: DeadlineCalculator
    /// The site's consultation phone, when neither the 办件 nor its service item has one.
    let consultPhone: String

    /// The list row; `item` is the 办件's service item (it may withdraw 免费邮寄).
    func row(for caseFile: CaseFile, item: ServiceItem?, now: Date) -> CaseFileRow {
        let state = caseFile.citizenState()
        // Withdrawn matters and administrative corrections have no deadline to show (R9).
        let deadline =
            state == .withdrawn || state == .askAtWindow
            ? nil : caseFile.deadline(calculator: deadlines, now: now)
        let status = caseFile.deadlineStatus(calculator: deadlines, now: now)
        // The date only: the screens add their catalog's 预计 mark from `isEstimated`.
        return CaseFileRow(
            number: caseFile.number, itemName: caseFile.itemName, statusText: state.chineseName,
            promisedDateText: deadline.map { DisplayFormat.day($0.dueDay) } ?? "",
            isOverdue: status?.isLate ?? false, isDueSoon: status == .dueSoon,
            isEstimated: deadline?.isEstimated ?? false, canMail: caseFile.isMailEligible(item: item))
    }

    /// The detail screen's view model; the phone is the 办件's, else its service item's, else the site's.
    func detail(for caseFile: CaseFile, item: ServiceItem?, now: Date) -> CaseFileDetail {
        let steps = caseFile.steps.enumerated().map { index, step in
            TimelineStep(
                title: step.name, timeText: DisplayFormat.dayAndTime(step.end ?? step.start),
                state: step.end != nil || index < caseFile.steps.count - 1 ? .done : .current)
        }
        return CaseFileDetail(
            row: row(for: caseFile, item: item, now: now),
            acceptedText: caseFile.acceptedAt.map(DisplayFormat.dayAndTime) ?? "",
            department: caseFile.department,
            phone: caseFile.consultPhone(item: item, fallback: consultPhone), steps: steps)
    }
}
