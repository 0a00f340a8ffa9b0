import KioskTerminal
import KioskTestSupport
import KioskUI
import Testing

/// Drives a ``KioskShell`` the way a citizen would: taps on laid-out controls, keys, card events and
/// ticks from a fake clock that advances without sleeping.
struct ShellDriver {
    let shell: KioskShell
    let backend: FakeBackend
    let size: Size
    var now = ContinuousClock.now

    init(size: Size, config: UIConfig = UIConfig(siteName: "东城区政务服务中心"), theme: Theme = .standard) {
        let backend = FakeBackend()
        self.backend = backend
        self.size = size
        self.shell = KioskShell(strings: Fixtures.strings, theme: theme, backend: backend, config: config)
    }

    /// Renders and returns the frame.
    func frame() async -> CellBuffer {
        await shell.frame(size: size)
    }

    /// Taps (press + release at its centre) the control that performs `action`; records an issue when
    /// the current frame has no such control.
    mutating func tap(_ action: UIAction, sourceLocation: SourceLocation = #_sourceLocation) async {
        if await !shell.tap(action, size: size, now: now) {
            Issue.record("no control for \(action) on \(await shell.screen)", sourceLocation: sourceLocation)
        }
    }

    /// Presses a key.
    func key(_ key: Key) async {
        await shell.handle(.input(.key(KeyPress(key)), now: now))
    }

    /// Types characters on the hardware keypad/keyboard.
    func type(_ text: String) async {
        for character in text { await key(.character(character)) }
    }

    /// Advances the fake clock and ticks.
    mutating func advance(_ duration: Duration) async {
        now = now + duration
        await shell.handle(.tick(now: now))
    }

    /// Sends a card event.
    func card(_ event: CardEvent) async {
        await shell.handle(.card(event))
    }
}
