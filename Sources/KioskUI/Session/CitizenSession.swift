/// Everything the machine holds about the citizen during a session; dropped whole when it ends.
package struct CitizenSession: Sendable, Equatable {
    /// How the session started.
    package enum Origin: Sendable, Equatable {
        /// An ID card was read.
        case card(CitizenSummary)
        /// 办件编号 + 查询密码.
        case noCard
    }

    /// The app's token for the session.
    package var token: SessionToken
    /// How it started (and the masked card holder for card sessions).
    package var origin: Origin
    /// The card holder's 办件, once loaded.
    package var caseFiles: [CaseFileRow]?
    /// The 办件 last opened.
    package var detail: CaseFileDetail?
    /// The mail draft in progress.
    package var mailDraft: MailDraft?
    /// 办件 numbers of transactions completed in this session (prints, mail requests).
    package var completed: [String] = []
    /// Whether the citizen already rated (or skipped) in this session.
    package var rated = false
    /// The rating form as last submitted, to come back to when the back end refuses it.
    package var submittedRating: RatingForm?

    /// Creates a session.
    package init(token: SessionToken, origin: Origin) {
        self.token = token
        self.origin = origin
    }

    /// The masked card holder, for card sessions.
    package var citizen: CitizenSummary? {
        if case .card(let summary) = origin { return summary }
        return nil
    }
}
