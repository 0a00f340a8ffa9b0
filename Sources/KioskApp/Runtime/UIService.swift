import Foundation
import KioskCore
import KioskTerminal
import KioskUI
import Logging
import ServiceLifecycle
import Synchronization

/// The UI loop: owns the terminal session, feeds input, card events and ticks to the screen, draws
/// frames, and speaks to systemd (`READY=1` after the first frame, `WATCHDOG=1` from its own tick,
/// `STATUS=` with the screen's name, `STOPPING=1` on shutdown).
///
/// The watchdog ping is sent from the tick that also asks the screen for a frame, so a screen that
/// hangs stops the pings and systemd restarts the kiosk. Input and card events are handled in their
/// own task, so a slow back-end call (a print waiting for CUPS) never stops ticks or the countdown.
final class UIService: Service, Sendable {
    /// Makes the terminal session when the service starts (a real tty; a pty in tests).
    typealias TerminalFactory = @Sendable () throws -> TerminalSession

    private let screen: any ScreenDriver
    private let makeTerminal: TerminalFactory
    private let notifier: SystemdNotifier
    private let mode: RunMode
    private let cardEvents: AsyncStream<CardEvent>
    private let tickInterval: Duration
    private let repaintInterval: Duration
    private let logger: Logger
    private let wipeRequested = Mutex(false)

    init(
        screen: any ScreenDriver, makeTerminal: @escaping TerminalFactory, notifier: SystemdNotifier,
        mode: RunMode, cardEvents: AsyncStream<CardEvent>, tickInterval: Duration = .milliseconds(100),
        repaintInterval: Duration, logger: Logger
    ) {
        self.screen = screen
        self.makeTerminal = makeTerminal
        self.notifier = notifier
        self.mode = mode
        self.cardEvents = cardEvents
        self.tickInterval = tickInterval
        self.repaintInterval = repaintInterval
        self.logger = logger
    }

    /// Asks for the screen and scrollback to be wiped before the next frame (a session ended).
    func requestWipe() {
        wipeRequested.withLock { $0 = true }
    }

    private enum Wake: Sendable {
        case tick
        case redraw
        case stop(String)
    }

    func run() async throws {
        let terminal = try makeTerminal()
        defer { terminal.restore() }
        let (wakes, wake) = AsyncStream.makeStream(of: Wake.self, bufferingPolicy: .bufferingNewest(256))
        let clock = ContinuousClock()
        let screen = self.screen
        let mode = self.mode
        let tickInterval = self.tickInterval
        let cardEvents = self.cardEvents

        // The first frame goes out at once, not at the first tick.
        wake.yield(.redraw)
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await input in terminal.events {
                        if mode == .demo, case .key(let press) = input, press.key == .control("q") {
                            wake.yield(.stop("quit key"))
                            return
                        }
                        await screen.handle(.input(input, now: clock.now))
                        wake.yield(.redraw)
                    }
                    wake.yield(.stop("terminal closed"))
                }
                group.addTask {
                    for await card in cardEvents {
                        await screen.handle(.card(card))
                        wake.yield(.redraw)
                    }
                }
                group.addTask {
                    while !Task.isCancelled {
                        try? await clock.sleep(for: tickInterval)
                        wake.yield(.tick)
                    }
                }
                await self.loop(terminal: terminal, wakes: wakes, clock: clock)
                group.cancelAll()
                wake.finish()
            }
        } onGracefulShutdown: {
            wake.yield(.stop("graceful shutdown"))
        }
    }

    /// The loop proper: one frame per wake, watchdog pings from ticks.
    private func loop(terminal: TerminalSession, wakes: AsyncStream<Wake>, clock: ContinuousClock) async {
        var watchdog = notifier.watchdogInterval.map { WatchdogSchedule<ContinuousClock.Instant>(interval: $0) }
        var lastRepaint = clock.now
        var announcedReady = false
        var lastStatus = ""
        var lastSize: Size?
        for await wake in wakes {
            var pingDue = false
            switch wake {
            case .stop(let reason):
                logger.notice("ui loop stopping", metadata: ["ui.reason": "\(reason)"])
                try? notifier.stopping()
                return
            case .tick:
                let now = clock.now
                await screen.handle(.tick(now: now))
                if var schedule = watchdog {
                    pingDue = schedule.pingIsDue(at: now)
                    watchdog = schedule
                }
                if lastRepaint.duration(to: now) >= repaintInterval {
                    terminal.invalidate()
                    lastRepaint = now
                }
            case .redraw:
                break
            }
            if wipeRequested.withLock({
                let value = $0
                $0 = false
                return value
            }) {
                terminal.wipe()
            }
            let size = terminal.size
            if size != lastSize {
                lastSize = size
                if !LayoutMetrics.fits(size) {
                    logger.warning(
                        "screen too small; showing the size message instead of the screens",
                        metadata: ["ui.size": "\(size)", "ui.minimumSize": "\(LayoutMetrics.minimumSize)"])
                }
            }
            let frame = await screen.frame(size: size)
            do {
                try terminal.present(frame)
            } catch {
                logger.warning("terminal write failed; repainting", metadata: ["ui.error": "\(error)"])
                terminal.invalidate()
            }
            let status = LayoutMetrics.fits(size) ? await screen.statusName() : "screenTooSmall"
            if !announcedReady {
                announcedReady = true
                lastStatus = status
                do { try notifier.ready(status: status) } catch {
                    logger.warning("sd_notify READY failed", metadata: ["systemd.error": "\(error)"])
                }
                logger.info("first frame on screen", metadata: ["ui.size": "\(terminal.size)"])
            } else if status != lastStatus {
                lastStatus = status
                try? notifier.status(status)
            }
            // After the frame: a loop that cannot draw does not ping.
            if pingDue { try? notifier.watchdog() }
        }
    }
}
