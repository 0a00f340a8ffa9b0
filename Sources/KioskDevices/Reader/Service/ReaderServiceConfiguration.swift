/// Timing and policy of ``IDCardReaderService``.
package struct ReaderServiceConfiguration: Sendable, Hashable {
    /// Pause between two polls of the card field (300 ms).
    package var pollInterval: Duration = .milliseconds(300)
    /// Deadline of find, select and status (500 ms).
    package var commandTimeout: Duration = .milliseconds(500)
    /// Deadline of a card read `30 01` (3 s).
    package var readTimeout: Duration = .seconds(3)
    /// Consecutive failed selects (0x81) after which a read card counts as removed (2).
    package var removalConfirmations: Int = 2
    /// Reads tried on one card before waiting for it to be taken away (3).
    package var maximumReadAttempts: Int = 3
    /// Consecutive unanswered polls after which the line is closed and reopened (3).
    package var silentPollsBeforeReconnect: Int = 3
    /// First pause before reopening a lost device (0.5 s), doubled up to ``maximumBackoff``.
    package var initialBackoff: Duration = .milliseconds(500)
    /// Longest pause between reopen attempts (5 s).
    package var maximumBackoff: Duration = .seconds(5)

    package init() {}
}
