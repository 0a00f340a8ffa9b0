/// The citizen session as a pure state machine: events in, next state and effects out.
///
/// It never touches a terminal, a device or a clock: time arrives in ``SessionEvent/tick(now:)``
/// events, back-end work leaves as ``SessionEffect/request(_:generation:)`` and comes back as
/// ``SessionEvent/response(_:generation:)``. Replies from an earlier session (an older `generation`)
/// are ignored, so nothing of one citizen can reach the next.
package struct SessionMachine: Sendable {
    /// The configuration (timeouts, demo cards, defaults).
    package let config: UIConfig
    /// The current screen.
    package internal(set) var screen: Screen = .home
    /// The current session, if any.
    package internal(set) var session: CitizenSession?
    /// The idle countdown's deadline while the 继续 overlay is shown.
    package private(set) var countdownDeadline: ContinuousClock.Instant?
    /// Whether 长辈模式 is on.
    package internal(set) var elderMode: Bool
    /// Whether the citizen chose 高对比度 on the home screen (until the session ends).
    package internal(set) var highContrast = false
    /// The language screens are shown in.
    package internal(set) var language: UILanguage
    /// Increases whenever a session starts or ends; requests and replies carry it.
    package internal(set) var generation = 0
    /// The latest time seen in any event.
    package private(set) var now: ContinuousClock.Instant?

    var lastActivity: ContinuousClock.Instant?
    var screenShownAt: ContinuousClock.Instant?
    var awaiting: ResponseKind?

    enum ResponseKind: Equatable {
        case caseFiles, query, detail, printSlip, mailDefaults, submitMail, printMailReceipt, submitEvaluation
    }

    /// Creates a machine on the home screen.
    package init(config: UIConfig) {
        self.config = config
        self.elderMode = config.elderModeByDefault
        self.language = config.defaultLanguage
    }

    /// Whether the idle countdown overlay is up.
    package var isCountingDown: Bool { countdownDeadline != nil }

    /// Whole seconds left on the countdown, rounded up; nil when no countdown runs.
    package var countdownSecondsLeft: Int? {
        guard let deadline = countdownDeadline, let now else { return nil }
        let left = now.duration(to: deadline)
        let (seconds, attoseconds) = left.components
        return max(0, Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }

    /// Applies one event.
    ///
    /// - Parameter event: What happened.
    /// - Returns: The effects to carry out, in order.
    package mutating func handle(_ event: SessionEvent) -> [SessionEffect] {
        switch event {
        case .activity(let time):
            observe(time)
            lastActivity = time
            return []
        case .tick(let time):
            observe(time)
            return tick()
        case .cardReading:
            guard session == nil || screen == .cardReadFailed else { return [] }
            screen = .reading
            markShown()
            return []
        case .cardInserted(let summary, let token):
            return cardInserted(summary, token: token)
        case .cardReadFailed:
            guard session == nil else { return [] }
            screen = .cardReadFailed
            markShown()
            return []
        case .cardRemoved:
            return cardRemoved()
        case .response(let response, let responseGeneration):
            guard responseGeneration == generation else { return [] }
            return respond(response)
        case .action(let action):
            lastActivity = now
            if countdownDeadline != nil {
                return overlayAction(action)
            }
            return perform(action)
        }
    }

    // MARK: - Time

    private mutating func observe(_ time: ContinuousClock.Instant) {
        now = time
        if lastActivity == nil { lastActivity = time }
        if screenShownAt == nil { screenShownAt = time }
    }

    mutating func markShown() {
        screenShownAt = now
        lastActivity = now
    }

    private var idleLimit: Duration {
        switch screen {
        case .mailPhone, .query, .rating: config.formIdleTimeout
        default: config.idleTimeout
        }
    }

    private mutating func tick() -> [SessionEffect] {
        guard let now else { return [] }
        switch screen {
        case .home:
            return []
        case .end:
            if let shown = screenShownAt, shown.duration(to: now) >= config.endScreenDuration {
                screen = .home
                markShown()
            }
            return []
        case .cardExpired, .cardReadFailed, .failure:
            if session == nil, let shown = screenShownAt, shown.duration(to: now) >= config.errorScreenDuration {
                screen = .home
                markShown()
                return []
            }
        default:
            break
        }
        if let deadline = countdownDeadline {
            if now >= deadline { return endSession(showEndScreen: true) }
            return []
        }
        if let last = lastActivity, last.duration(to: now) >= idleLimit, awaiting == nil {
            countdownDeadline = last.advanced(by: idleLimit + config.countdown)
            if now >= countdownDeadline! { return endSession(showEndScreen: true) }
        }
        return []
    }

    private mutating func overlayAction(_ action: UIAction) -> [SessionEffect] {
        switch action {
        case .continueSession:
            countdownDeadline = nil
            lastActivity = now
            return []
        case .end:
            return endSession(showEndScreen: true)
        default:
            return []
        }
    }

    // MARK: - Cards

    private mutating func cardInserted(_ summary: CitizenSummary, token: SessionToken) -> [SessionEffect] {
        var effects: [SessionEffect] = []
        if session != nil { effects += endSession(showEndScreen: false) }
        generation += 1
        session = CitizenSession(token: token, origin: .card(summary))
        countdownDeadline = nil
        if summary.cardExpired {
            screen = .cardExpired
            markShown()
            return effects
        }
        effects += request(.caseFiles(token), awaiting: .caseFiles, message: .listLoading)
        return effects
    }

    private mutating func cardRemoved() -> [SessionEffect] {
        switch screen {
        case .end:
            screen = .home
            markShown()
            return []
        case .reading, .cardReadFailed:
            if session == nil {
                screen = .home
                markShown()
                return []
            }
        default:
            break
        }
        guard let session, case .card = session.origin else { return [] }
        return endSession(showEndScreen: false)
    }

    // MARK: - Ending

    /// Ends the session: tells the back end, drops every identity-derived value, and shows the end or
    /// the home screen.
    mutating func endSession(showEndScreen: Bool, thanked: Bool = false) -> [SessionEffect] {
        var effects: [SessionEffect] = []
        if let token = session?.token { effects.append(.endSession(token)) }
        session = nil
        countdownDeadline = nil
        awaiting = nil
        generation += 1
        elderMode = config.elderModeByDefault
        highContrast = false
        language = config.defaultLanguage
        screen = showEndScreen ? .end(thanked: thanked) : .home
        markShown()
        effects.append(.sessionEnded)
        return effects
    }

    /// A back-end call failed unexpectedly (it threw): the session ends cleanly (the back end wipes
    /// the identity and cancels print jobs), the citizen is told in plain words, and the screen
    /// returns home after ``UIConfig/errorScreenDuration`` or on 返回.
    mutating func endAfterUnexpectedError() -> [SessionEffect] {
        let effects = endSession(showEndScreen: false)
        screen = .failure(.commonError)
        markShown()
        return effects
    }

    // MARK: - Requests and replies

    mutating func request(
        _ request: BackendRequest, awaiting kind: ResponseKind, message: StringKey
    ) -> [SessionEffect] {
        awaiting = kind
        if case .submitEvaluation = request, case .rating(let form) = screen { session?.submittedRating = form }
        screen = .busy(message)
        markShown()
        return [.request(request, generation: generation)]
    }

    private mutating func respond(_ response: BackendResponse) -> [SessionEffect] {
        guard session != nil || isQueryReply(response) else { return [] }
        let kind = Self.kind(of: response)
        guard kind == awaiting else { return [] }
        awaiting = nil
        markShown()
        switch response {
        case .caseFiles(let rows):
            guard let rows else {
                return endAfterUnexpectedError()
            }
            session?.caseFiles = rows
            screen = .caseFiles(page: 0)
        case .query(let result, let failed):
            if let result {
                generation += 1
                var newSession = CitizenSession(token: result.session, origin: .noCard)
                newSession.detail = result.detail
                session = newSession
                screen = .detail(result.detail)
            } else {
                var form = QueryForm()
                form.error = failed ? .commonError : .queryNotFound
                screen = .query(form)
            }
        case .detail(let detail):
            guard let detail else {
                return endAfterUnexpectedError()
            }
            session?.detail = detail
            screen = .detail(detail)
        case .printSlip(let outcome):
            if outcome != .failed, let number = session?.detail?.row.number { session?.completed.append(number) }
            screen = .printResult(outcome, .slip)
        case .mailDefaults(let draft):
            guard let draft else {
                return endAfterUnexpectedError()
            }
            session?.mailDraft = draft
            screen = .mailPhone(draft, TextEntry(kind: .digits, maxLength: 11, text: draft.phone), error: nil)
        case .submitMail(let outcome):
            switch outcome {
            case .stored(let receipt):
                session?.completed.append(receipt.caseNumber)
                screen = .mailDone(receipt, duplicate: false)
            case .duplicate(let existing):
                screen = .mailDone(existing, duplicate: true)
            case .invalid(let field, let message):
                if let draft = session?.mailDraft {
                    let text = Self.invalidText(field: field, message: message)
                    screen = .mailSummary(draft, error: text)
                } else {
                    screen = .failure(.commonError)
                }
            case .failed:
                screen = .failure(.commonError)
            }
        case .printMailReceipt(let outcome):
            if outcome == .printed { return finishOrRate(notice: .printDone) }
            screen = .printResult(outcome, .mailReceipt)
        case .submitEvaluation(.invalid(let field, let message)):
            // Refused by the rules: back to the step the field is on, with the reason.
            guard var form = session?.submittedRating else { return endAfterUnexpectedError() }
            form.askingPhone = field == "callbackPhone"
            form.error = nil
            form.refusal = message
            screen = .rating(form)
        case .submitEvaluation(let outcome):
            session?.rated = true
            return endSession(showEndScreen: true, thanked: outcome == .recorded)
        }
        return []
    }

    private static func invalidText(field: String, message: String) -> String {
        field.isEmpty ? message : field + "：" + message
    }

    private func isQueryReply(_ response: BackendResponse) -> Bool {
        if case .query = response { return true }
        return false
    }

    private static func kind(of response: BackendResponse) -> ResponseKind {
        switch response {
        case .caseFiles: .caseFiles
        case .query: .query
        case .detail: .detail
        case .printSlip: .printSlip
        case .mailDefaults: .mailDefaults
        case .submitMail: .submitMail
        case .printMailReceipt: .printMailReceipt
        case .submitEvaluation: .submitEvaluation
        }
    }
}
