import KioskTerminal

/// Card-reader events as the app reports them to the shell.
package enum CardEvent: Sendable, Equatable {
    /// A card was detected and is being read.
    case reading
    /// A card was read; the app minted `session` for it and masked the summary.
    case inserted(CitizenSummary, session: SessionToken)
    /// The card could not be read.
    case readFailed
    /// The card left the reader.
    case removed
}

/// Everything the app feeds the shell.
package enum ShellEvent: Sendable {
    /// Terminal input (keys, keypad, mouse/touch), stamped with the app's clock.
    case input(InputEvent, now: ContinuousClock.Instant)
    /// A card-reader event.
    case card(CardEvent)
    /// A timer tick (the app ticks a few times a second); drives the idle countdown and spinners.
    case tick(now: ContinuousClock.Instant)
}

/// Callbacks from the shell to the app. All default to doing nothing.
package struct ShellHooks: Sendable {
    /// The maintenance key sequence was entered on the home screen; the app switches to maintenance mode.
    package var maintenanceRequested: @Sendable () async -> Void
    /// Demo mode: place the simulated sample card at this index of ``UIConfig/demoCards``.
    package var placeDemoCard: @Sendable (Int) async -> Void
    /// Demo mode: remove the simulated card.
    package var removeDemoCard: @Sendable () async -> Void
    /// A session ended and its data is gone; the app should fully repaint and clear the scrollback.
    package var sessionEnded: @Sendable () async -> Void
    /// The notices to show on the home screen now, as plain text (the app reads them from its own
    /// storage). Asked on the home screen only, at most every ``UIConfig/announcementRefresh`` and
    /// each time the home screen returns.
    package var announcements: @Sendable () async -> [String]

    /// Creates hooks; omitted ones do nothing.
    package init(
        maintenanceRequested: @escaping @Sendable () async -> Void = {},
        placeDemoCard: @escaping @Sendable (Int) async -> Void = { _ in },
        removeDemoCard: @escaping @Sendable () async -> Void = {},
        sessionEnded: @escaping @Sendable () async -> Void = {},
        announcements: @escaping @Sendable () async -> [String] = { [] }
    ) {
        self.maintenanceRequested = maintenanceRequested
        self.placeDemoCard = placeDemoCard
        self.removeDemoCard = removeDemoCard
        self.sessionEnded = sessionEnded
        self.announcements = announcements
    }
}
