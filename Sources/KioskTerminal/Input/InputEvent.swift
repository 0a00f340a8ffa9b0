/// Something the terminal told the program: decoded input, a size change, or a reply to a capability probe.
package enum InputEvent: Hashable, Sendable {
    /// A key press (including text, one grapheme cluster per event).
    case key(KeyPress)
    /// A mouse button press or release (motion is dropped).
    case mouse(MouseEvent)
    /// A bracketed paste (`CSI 200~ … CSI 201~`) was received and discarded; `byteCount` is its length.
    case paste(byteCount: Int)
    /// The terminal changed size (SIGWINCH, re-measured with TIOCGWINSZ). The session repaints everything on the
    /// next ``TerminalSession/present(_:)``.
    case resize(Size)
    /// A DECRPM reply `CSI ? mode ; setting $ y` (setting 1 or 2: recognised, 0: not recognised, 3/4: permanent).
    case modeReport(mode: Int, setting: Int)
    /// A primary device attributes (DA1) reply `CSI ? … c`, with its parameters.
    case deviceAttributes([Int])
}
