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
    /// The name of the screen on show (``Screen/name``).
    func statusName() async -> String { screen.name }
}
