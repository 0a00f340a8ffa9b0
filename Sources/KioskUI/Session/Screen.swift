import KioskCore

/// The screen the machine is on, with the view data it needs. Values derived from the citizen's
/// identity live only here and in ``CitizenSession``; ending a session replaces both.
package enum Screen: Sendable, Equatable {
    /// Attract screen: site name, privacy notice, place-card prompt.
    case home
    /// A card is being read.
    case reading
    /// The card's validity period is over.
    case cardExpired
    /// The card could not be read.
    case cardReadFailed
    /// Waiting for the back end or the printer; the message names what is happening.
    case busy(StringKey)
    /// A request failed; the message says what to do.
    case failure(StringKey)
    /// The card holder's 办件, one page of them.
    case caseFiles(page: Int)
    /// One 办件.
    case detail(CaseFileDetail)
    /// A print finished one way or another.
    case printResult(PrintOutcome, PrintContext)
    /// Mail step 1: the recipient's phone.
    case mailPhone(MailDraft, TextEntry, error: StringKey?)
    /// Mail step 2: which address.
    case mailAddress(MailDraft)
    /// Mail step 3: confirm.
    case mailSummary(MailDraft, error: String?)
    /// The stored request (or the existing one, for a refused duplicate).
    case mailDone(MailReceipt, duplicate: Bool)
    /// 好差评.
    case rating(RatingForm)
    /// 请取走身份证和凭条; carries no personal data.
    case end(thanked: Bool)
    /// No-card query form.
    case query(QueryForm)
}

/// Which receipt a print result is about.
package enum PrintContext: Sendable, Equatable {
    /// The 办件 slip from the detail screen.
    case slip
    /// The mail request's receipt.
    case mailReceipt
}

/// The rating screen's state.
package struct RatingForm: Sendable, Equatable {
    /// The 办件 the rated transaction was about.
    package var caseNumber: String?
    /// The chosen level; a 差评 level shows the reasons step.
    package var level: SatisfactionLevel?
    /// For a 差评: false while choosing reasons, true on the optional callback-phone step.
    package var askingPhone = false
    /// Reasons chosen so far.
    package var reasons: [RatingReason] = []
    /// Optional callback phone for a 差评.
    package var callbackPhone = TextEntry(kind: .digits, maxLength: 11)
    /// A validation message (e.g. 请至少选择一个原因).
    package var error: StringKey?
    /// A note about what just happened, shown above the question (e.g. 打印完成，请取走回执。).
    package var notice: StringKey?
    /// Why the back end refused the rating as submitted (citizen-facing Chinese from the rules).
    package var refusal: String?

    /// Creates an empty rating form.
    package init(caseNumber: String?) {
        self.caseNumber = caseNumber
    }
}

/// The no-card query form's state.
package struct QueryForm: Sendable, Equatable {
    /// 办件编号.
    package var number = TextEntry(kind: .alphanumeric, maxLength: 50)
    /// 查询密码.
    package var password = TextEntry(kind: .secret, maxLength: 16)
    /// 0 = number, 1 = password.
    package var focusedField = 0
    /// A message after a failed query.
    package var error: StringKey?

    /// Creates an empty form.
    package init() {}
}
