import ArgumentParser
import KioskDevices

/// The transient faults `kiosk reader read` waited through: bad frames, error statuses (e.g. read
/// failed 0x41) and unanswered requests. The reader service rides them out the same way; only what
/// is still failing when the timeout runs out decides the exit code.
struct ReaderFaults {
    /// Faults seen so far.
    private(set) var count = 0
    /// The latest fault.
    private(set) var last: ReaderError?
    /// `true` while the latest exchange failed (no good answer came after it).
    private(set) var failing = false

    /// Records a failed exchange.
    mutating func record(_ error: ReaderError) {
        count += 1
        last = error
        failing = true
    }

    /// Records a good answer: the line works again.
    mutating func recordAnswer() {
        failing = false
    }

    /// `faults: N`, and the last one when there was any, for the command's output.
    var summary: String {
        guard let last else { return "faults: 0" }
        return "faults: \(count) (last: \(last))"
    }

    /// The exit code when no card was read before the timeout: the failure still going on
    /// (12 protocol, 11 no answer) or 10, no card.
    var timeoutExitCode: ExitCode {
        guard failing, let last else { return ReaderExitCode.noCard }
        return last.category == .protocol ? ReaderExitCode.protocolError : ReaderExitCode.deviceError
    }
}
