/// Turns left-button press/release pairs into taps: a release on the same cell as the preceding press is a tap.
/// Taps closer than `debounce` to the previous tap are dropped (a shaky finger on a touch panel).
///
/// The UI decides whether press and release hit the same *target*; this is the simple cell-level version.
package struct TapDetector: Sendable {
    /// Minimum time between two taps.
    package var debounce: Duration
    private var pressed: Point?
    private var lastTap: Duration?

    /// Creates a detector. `debounce` defaults to 200 ms.
    package init(debounce: Duration = .milliseconds(200)) {
        self.debounce = debounce
    }

    /// Feeds one mouse event observed at `now` (any monotonic time base, e.g. time since start).
    /// - Returns: the tapped cell when `event` completes a tap.
    package mutating func feed(_ event: MouseEvent, now: Duration) -> Point? {
        guard event.button == .left else { return nil }
        switch event.kind {
        case .press:
            pressed = event.position
            return nil
        case .release:
            defer { pressed = nil }
            guard let start = pressed, start == event.position else { return nil }
            if let last = lastTap, now - last < debounce { return nil }
            lastTap = now
            return start
        }
    }
}
