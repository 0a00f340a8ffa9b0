import Foundation
import KioskTerminal
import KioskTestSupport
import KioskUI
import Testing

/// Drives the real ``KioskShell`` over a live back end the way a citizen would: card events, taps on
/// laid-out controls, and ticks from a fake clock that advances without sleeping.
struct CitizenDriver {
    let shell: KioskShell
    let size = Size(width: 100, height: 30)
    var now = ContinuousClock.now

    init(backend: any SessionBackend, config: UIConfig = UIConfig(siteName: "东城区政务服务中心")) throws {
        let strings = try UIStrings.load(assetsDirectory: repositoryRoot.appendingPathComponent("assets"))
        shell = KioskShell(strings: strings, theme: .standard, backend: backend, config: config)
    }

    /// Taps the control that performs `action`; records an issue when the current frame has none.
    func tap(_ action: UIAction, sourceLocation: SourceLocation = #_sourceLocation) async {
        if await !shell.tap(action, size: size, now: now) {
            Issue.record("no control for \(action) on \(await shell.screen)", sourceLocation: sourceLocation)
        }
    }

    /// Sends a card event.
    func card(_ event: CardEvent) async {
        await shell.handle(.card(event))
    }

    /// Advances the fake clock and ticks.
    mutating func advance(_ duration: Duration) async {
        now = now + duration
        await shell.handle(.tick(now: now))
    }

    /// The text of the current frame.
    func text() async -> String {
        let frame = await shell.frame(size: size)
        return (0..<size.height).map { y in
            (0..<size.width).filter { !frame[$0, y].isContinuation }.map { String(frame[$0, y].grapheme) }.joined()
        }.joined(separator: "\n")
    }
}
