import KioskTerminal
import KioskUI

extension KioskShell {
    /// Taps, as a finger would (press and release at its centre), the control that performs `action`
    /// in a frame of `size`; false when that frame has no such control.
    package func tap(_ action: UIAction, size: Size, now: ContinuousClock.Instant) async -> Bool {
        _ = frame(size: size)
        guard let control = currentControls(size: size).first(where: { $0.action == action }) else { return false }
        let centre = Point(
            x: control.frame.minX + control.frame.width / 2, y: control.frame.minY + control.frame.height / 2)
        await handle(.input(.mouse(MouseEvent(kind: .press, button: .left, position: centre)), now: now))
        await handle(.input(.mouse(MouseEvent(kind: .release, button: .left, position: centre)), now: now))
        return true
    }
}
