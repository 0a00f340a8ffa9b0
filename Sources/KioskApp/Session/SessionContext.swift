import KioskCore
import KioskDevices

/// What the app holds for one citizen session: the identity (or, for a no-card query, just the
/// 办件 that was unlocked), the 办件 seen, and the print-job owner id. Wiped when the session ends.
struct SessionContext {
    /// The card read; `nil` for a no-card query.
    var identity: Identity?
    /// The 办件 this session may see, by number.
    var cases: [String: CaseFile]
    /// Owner of the session's print jobs, so pending ones can be cancelled.
    let printSession: PrintSessionID
    /// The last 办件 a transaction completed for (the rating refers to it).
    var lastTransactionCase: String?

    /// The holder's full name (card) or the applicant on record (no-card query).
    func holderName(for caseFile: CaseFile) -> String { identity?.name.nonEmpty ?? caseFile.applicantName }

    /// The holder's ID number (card) or the applicant's (no-card query).
    func holderIdNumber(for caseFile: CaseFile) -> String { identity?.number.text ?? caseFile.applicantIdNumber }

    /// Forgets everything personal; the identity's photo bytes are zeroed.
    mutating func wipe() {
        identity?.wipe()
        identity = nil
        cases.removeAll()
        lastTransactionCase = nil
    }
}

extension String {
    /// `nil` for an empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
