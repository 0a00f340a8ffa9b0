/// Decides when the UI loop's tick should send `WATCHDOG=1`: at most once per interval (half of
/// `WATCHDOG_USEC`), so pings stop as soon as the loop that ticks stops.
struct WatchdogSchedule<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    let interval: Duration
    private var lastPing: Instant?

    init(interval: Duration) {
        self.interval = interval
    }

    /// Returns `true` (and remembers `now`) when a ping is due at `now`.
    mutating func pingIsDue(at now: Instant) -> Bool {
        if let lastPing, lastPing.duration(to: now) < interval { return false }
        lastPing = now
        return true
    }
}
