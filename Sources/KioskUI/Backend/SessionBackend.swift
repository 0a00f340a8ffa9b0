/// The UI's contract with the app: everything a screen needs from the domain, devices and storage.
///
/// The app implements it over KioskCore (BackOffice, mail, evaluations) and KioskDevices (printer).
/// Every value crossing it is already masked and formatted; the full identity stays in the app, keyed by
/// ``SessionToken``. Calls may take time; ``KioskShell`` drops a reply that arrives after its session
/// ended, so a slow reply can never show one citizen's data to the next.
package protocol SessionBackend: Sendable {
    /// The 办件 of the card holder of `session` (rule R7).
    func caseFiles(session: SessionToken) async throws -> [CaseFileRow]
    /// A no-card query by 办件编号 and 查询密码; nil when they do not match. A match opens a session.
    func query(number: String, password: String) async throws -> QueryResult?
    /// The detail of one of the session's 办件.
    func detail(number: String, session: SessionToken) async throws -> CaseFileDetail
    /// Prints the 办件 receipt slip (rule R15).
    func printSlip(number: String, session: SessionToken) async -> PrintOutcome
    /// A mail draft with the recipient (card holder) and the masked addresses to choose from.
    func mailDefaults(number: String, session: SessionToken) async throws -> MailDraft
    /// Stores a confirmed mail request; refuses a second request for the same 办件.
    func submitMail(_ draft: MailDraft, session: SessionToken) async -> MailSubmitOutcome
    /// Prints the mail request's receipt.
    func printMailReceipt(_ receipt: MailReceipt, session: SessionToken) async -> PrintOutcome
    /// Stores a 好差评 rating.
    func submitEvaluation(_ evaluation: EvaluationDraft, session: SessionToken) async -> EvaluationOutcome
    /// Ends the session: wipes the identity and cancels the session's pending print jobs.
    func endSession(_ session: SessionToken) async
}
