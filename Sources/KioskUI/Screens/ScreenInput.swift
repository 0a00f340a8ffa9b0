/// What a screen needs to draw itself: the machine (screen, session, preferences), the configuration
/// and the animation step.
package struct ScreenInput: Sendable {
    /// The session state machine.
    package var machine: SessionMachine
    /// The UI configuration (site name, demo cards…).
    package var config: UIConfig
    /// The animation step (increments on every tick), for spinners.
    package var step: Int

    /// Creates a screen input.
    package init(machine: SessionMachine, config: UIConfig, step: Int) {
        self.machine = machine
        self.config = config
        self.step = step
    }
}
