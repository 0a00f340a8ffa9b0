/// The way into maintenance mode, as a pure state machine over an injected clock.
///
/// idle ─(the configured sequence, each step within `sequenceStepTimeout`)─► awaitingPIN
/// awaitingPIN ─(right PIN)─► active ─(``exit()`` or `inactivityTimeout` without activity)─► idle
/// awaitingPIN ─(wrong PIN, the `maximumFailures`-th in a row)─► lockedOut ─(`lockoutDuration`)─► idle
///
/// Every method first applies the timeouts, so the owner (the UI session) should call
/// ``expire()`` on each tick to notice an inactive maintenance session on time. Each method
/// returns the audit entries to record (results are not discardable on purpose): PIN success and failure, lockout, exit and every
/// action (``authorize(_:)``). The PIN is checked with PBKDF2 and a constant-time compare.
/// The failure count lives in memory: a restart of the kiosk (which a locked-down terminal
/// does not offer) starts it afresh.
package struct MaintenanceGate<C: Clock>: Sendable where C.Duration == Duration {
    /// Where the gate is.
    package enum State: Sendable, Hashable {
        /// Normal citizen operation; `progress` steps of the sequence have been matched.
        case idle(progress: Int)
        /// The sequence was entered: the UI shows the PIN prompt.
        case awaitingPIN
        /// Too many wrong PINs: sequence and PIN are ignored until the lockout ends.
        case lockedOut
        /// Maintenance mode: staff screens are open.
        case active
    }

    package let configuration: MaintenanceGateConfiguration
    private let clock: C
    package private(set) var state: State = .idle(progress: 0)
    /// Consecutive wrong PINs since the last success or lockout.
    package private(set) var failures = 0
    /// The time the current state's timeout counts from (last step, prompt, activity, lockout).
    private var since: C.Instant

    package init(configuration: MaintenanceGateConfiguration, clock: C) {
        self.configuration = configuration
        self.clock = clock
        self.since = clock.now
    }

    /// `true` in maintenance mode as of the last call; call ``expire()`` first to apply timeouts.
    package var isActive: Bool { state == .active }

    /// Applies the timeouts: a stale half-entered sequence or PIN prompt is dropped, a lockout
    /// ends, an inactive maintenance session exits (audited).
    package mutating func expire() -> [MaintenanceAuditEntry] {
        let now = clock.now
        let elapsed = since.duration(to: now)
        switch state {
        case .idle(let progress) where progress > 0 && elapsed >= configuration.sequenceStepTimeout:
            state = .idle(progress: 0)
        case .awaitingPIN where elapsed >= configuration.pinEntryTimeout:
            state = .idle(progress: 0)
        case .lockedOut where elapsed >= configuration.lockoutDuration:
            state = .idle(progress: 0)
            failures = 0
        case .active where elapsed >= configuration.inactivityTimeout:
            state = .idle(progress: 0)
            return [
                MaintenanceAuditEntry(
                    event: MaintenanceAuditEntry.Name.exit, outcome: "success", detail: "reason=inactivity")
            ]
        default:
            break
        }
        return []
    }

    /// Feeds one key press or tap, as a token of the configured sequence's vocabulary.
    ///
    /// While idle it advances (or restarts) the sequence; the last step opens the PIN prompt.
    /// In maintenance mode any input counts as activity. Locked out or at the PIN prompt it is
    /// ignored (PIN digits go to ``submitPIN(_:)``).
    package mutating func press(_ token: String) -> [MaintenanceAuditEntry] {
        let entries = expire()
        let now = clock.now
        switch state {
        case .idle(let progress):
            let sequence = configuration.sequence
            let next: Int
            if token == sequence[progress] {
                next = progress + 1
            } else {
                next = token == sequence[0] ? 1 : 0
            }
            if next == sequence.count {
                state = .awaitingPIN
            } else {
                state = .idle(progress: next)
            }
            since = now
        case .active:
            since = now
        case .awaitingPIN, .lockedOut:
            break
        }
        return entries
    }

    /// Checks a PIN entered at the prompt. Outside the prompt nothing is checked or recorded.
    package mutating func submitPIN(_ pin: String) -> [MaintenanceAuditEntry] {
        var entries = expire()
        guard state == .awaitingPIN else { return entries }
        let ok = configuration.pinHash.verify(pin)
        let now = clock.now
        since = now
        if ok {
            failures = 0
            state = .active
            entries.append(MaintenanceAuditEntry(event: MaintenanceAuditEntry.Name.login, outcome: "success"))
            return entries
        }
        failures += 1
        entries.append(
            MaintenanceAuditEntry(
                event: MaintenanceAuditEntry.Name.login, outcome: "failure",
                detail: "attempt=\(failures)/\(configuration.maximumFailures)"))
        if failures >= configuration.maximumFailures {
            state = .lockedOut
            entries.append(
                MaintenanceAuditEntry(
                    event: MaintenanceAuditEntry.Name.lockout, outcome: "failure",
                    detail: "failures=\(failures) lockedForSeconds=\(configuration.lockoutDuration.components.seconds)")
            )
        }
        return entries
    }

    /// Closes the PIN prompt without a PIN (the 取消 button); the cancel itself is not recorded.
    package mutating func cancelPIN() -> [MaintenanceAuditEntry] {
        let entries = expire()
        if state == .awaitingPIN {
            state = .idle(progress: 0)
            since = clock.now
        }
        return entries
    }

    /// The answer to ``authorize(_:)``.
    package struct Authorization: Sendable, Hashable {
        /// `false` when maintenance mode is not active: the action must be refused.
        package let allowed: Bool
        /// Audit entries to store (the action itself, or an inactivity exit that just happened).
        package let audit: [MaintenanceAuditEntry]
    }

    /// Asks to perform an admin action (e.g. `printer.test`, `audit.export`); when allowed it
    /// is recorded and counts as activity.
    package mutating func authorize(_ action: String) -> Authorization {
        var entries = expire()
        guard state == .active else { return Authorization(allowed: false, audit: entries) }
        since = clock.now
        entries.append(
            MaintenanceAuditEntry(event: MaintenanceAuditEntry.Name.action, outcome: "success", detail: action))
        return Authorization(allowed: true, audit: entries)
    }

    /// Counts as activity in maintenance mode (a key press on a staff screen). Returns the
    /// inactivity exit if the session had already timed out.
    package mutating func noteActivity() -> [MaintenanceAuditEntry] {
        let entries = expire()
        if state == .active { since = clock.now }
        return entries
    }

    /// Leaves maintenance mode on request.
    package mutating func exit() -> [MaintenanceAuditEntry] {
        var entries = expire()
        guard state == .active else { return entries }
        state = .idle(progress: 0)
        since = clock.now
        entries.append(
            MaintenanceAuditEntry(
                event: MaintenanceAuditEntry.Name.exit, outcome: "success", detail: "reason=requested"))
        return entries
    }
}
