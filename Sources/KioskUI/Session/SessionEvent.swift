/// Everything that drives the session state machine.
package enum SessionEvent: Sendable {
    /// A citizen action (from touch, arrows+Enter or the keypad, already mapped by the shell).
    case action(UIAction)
    /// Any input at all, even one that hit no control: counts as activity for the idle timer.
    case activity(now: ContinuousClock.Instant)
    /// The card reader started reading a card.
    case cardReading
    /// A card was read; the app minted `session` for it.
    case cardInserted(CitizenSummary, session: SessionToken)
    /// The card could not be read.
    case cardReadFailed
    /// The card left the reader.
    case cardRemoved
    /// Time passed; `now` comes from the app's injected clock.
    case tick(now: ContinuousClock.Instant)
    /// A back-end reply to a request the machine made in session `generation`.
    case response(BackendResponse, generation: Int)
}

/// A request the machine wants the shell to run against ``SessionBackend``.
package enum BackendRequest: Sendable, Equatable {
    case caseFiles(SessionToken)
    case query(number: String, password: String)
    case detail(number: String, SessionToken)
    case printSlip(number: String, SessionToken)
    case mailDefaults(number: String, SessionToken)
    case submitMail(MailDraft, SessionToken)
    case printMailReceipt(MailReceipt, SessionToken)
    case submitEvaluation(EvaluationDraft, SessionToken)
}

/// A back-end reply, matching a ``BackendRequest``. Thrown errors become `nil`/failure values: the
/// screens only need to know that something failed.
package enum BackendResponse: Sendable, Equatable {
    case caseFiles([CaseFileRow]?)
    case query(QueryResult?, failed: Bool)
    case detail(CaseFileDetail?)
    case printSlip(PrintOutcome)
    case mailDefaults(MailDraft?)
    case submitMail(MailSubmitOutcome)
    case printMailReceipt(PrintOutcome)
    case submitEvaluation(EvaluationOutcome)
}

/// What the machine asks the outside world to do after an event.
package enum SessionEffect: Sendable, Equatable {
    /// Run a back-end request; feed the reply back as ``SessionEvent/response(_:generation:)``.
    case request(BackendRequest, generation: Int)
    /// Tell the back end the session is over (wipe identity, cancel print jobs).
    case endSession(SessionToken)
    /// The session's data is gone from the machine; the app should clear the screen and scrollback.
    case sessionEnded
    /// Demo mode: place the sample card at `index`.
    case demoPlaceCard(index: Int)
    /// Demo mode: remove the sample card.
    case demoRemoveCard
}
