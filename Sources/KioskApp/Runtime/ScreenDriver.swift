import KioskTerminal
import KioskUI

/// What the UI loop drives: something that takes events and draws frames. ``KioskShell`` in the
/// kiosk; a scripted stand-in in the loop's own tests.
protocol ScreenDriver: Sendable {
    /// Handles one event (input, card, tick) and returns once the screen state settled.
    func handle(_ event: ShellEvent) async
    /// Draws the current screen at `size`.
    func frame(size: Size) async -> CellBuffer
    /// A short English name of the screen on show, for `STATUS=` (never personal data).
    func statusName() async -> String
}

extension KioskShell: ScreenDriver {
    /// The screen's case name. Asked on every frame, so it is a plain switch: describing the screen
    /// value would format its whole payload (the citizen's masked data) ten times a second.
    func statusName() async -> String {
        switch screen {
        case .home: "home"
        case .reading: "reading"
        case .cardExpired: "cardExpired"
        case .cardReadFailed: "cardReadFailed"
        case .busy: "busy"
        case .failure: "failure"
        case .applications: "applications"
        case .detail: "detail"
        case .printResult: "printResult"
        case .mailPhone: "mailPhone"
        case .mailAddress: "mailAddress"
        case .mailSummary: "mailSummary"
        case .mailDone: "mailDone"
        case .rating: "rating"
        case .end: "end"
        case .query: "query"
        }
    }
}
