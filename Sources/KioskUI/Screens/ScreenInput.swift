/// What a screen needs to draw itself: the machine (screen, session, preferences), the configuration
/// and the animation step.
package struct ScreenInput: Sendable {
    /// The session state machine.
    package var machine: SessionMachine
    /// The UI configuration (site name, demo cards…).
    package var config: UIConfig
    /// The animation step (increments on every tick), for spinners.
    package var step: Int
    /// The notices for the home screen (the gateway's 公告, plain text); empty shows nothing.
    package var announcements: [String]

    /// Creates a screen input.
    package init(machine: SessionMachine, config: UIConfig, step: Int, announcements: [String] = []) {
        self.machine = machine
        self.config = config
        self.step = step
        self.announcements = announcements
    }
}
