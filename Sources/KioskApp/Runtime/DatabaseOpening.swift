import Foundation
import KioskCore
import KioskTerminal
import KioskUI
import Logging
import UnixSignals

/// Opens the database before anything else starts. While it cannot be opened (a full disk, an I/O
/// error, a read-only file system: SQLite cannot even create its `-shm` index), the kiosk shows
/// 暂停服务 as it does when the database stops taking commits later (``DatabaseHealth``), tells
/// systemd it is up and alive (`READY=1`, `STATUS=paused`, watchdog pings), and retries until it
/// can open it; then the screen goes and the kiosk starts as usual.
///
/// Exiting instead would make systemd restart the unit every `RestartSec=` and, after
/// `StartLimitBurst=` starts, reboot the machine: a full disk would become a reboot loop.
///
/// A file written by a newer kiosk (``AppDatabaseError/isNewerSchema``) is not waited for: no retry
/// can fix it, so it is thrown at once, as before.
struct DatabaseOpening {
    /// The state directory holding `kiosk.sqlite`.
    var stateDirectory: String
    /// The words of the 暂停服务 screen.
    var strings: UIStrings
    var language: UILanguage
    /// The theme 暂停服务 is drawn in.
    var theme: Theme
    var notifier: SystemdNotifier
    /// Makes the terminal session while the kiosk waits (released before the UI makes its own).
    var makeTerminal: UIService.TerminalFactory
    /// Signals that end the wait (and the kiosk) cleanly: SIGTERM (and SIGINT in the demo).
    var stopSignals: [UnixSignal]
    /// How often opening is retried (as ``DatabaseHealth`` probes while failing).
    var retryInterval: Duration = .seconds(2)
    /// How often the screen is redrawn (a resize) and the watchdog considered.
    var tickInterval: Duration = .milliseconds(100)
    var logger: Logger
    /// Opens the database (``AppDatabase/open(directory:)``; replaceable in tests).
    var open: @Sendable (String) throws -> AppDatabase = { try AppDatabase.open(directory: $0) }

    /// The opened database, or `nil` when a stop signal came while it could not be opened.
    func run() async throws -> AppDatabase? {
        let firstError: any Error
        do {
            return try open(stateDirectory)
        } catch let error as AppDatabaseError where error.isNewerSchema {
            throw error
        } catch {
            firstError = error
        }
        logger.critical(
            "database cannot be opened: service paused until it can",
            metadata: ["database.error": "\(firstError)", "kiosk.state": "\(stateDirectory)"])
        let terminal = try makeTerminal()
        defer { terminal.restore() }
        let signals = await UnixSignalsSequence(trapping: stopSignals)
        let (wakes, wake) = AsyncStream.makeStream(of: Wake.self, bufferingPolicy: .bufferingNewest(16))
        let tickInterval = self.tickInterval
        wake.yield(.tick)  // the first frame at once
        return await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in terminal.events {}  // nothing can be done while paused: input is dropped
            }
            group.addTask {
                for await signal in signals {
                    wake.yield(.stop("\(signal)"))
                    return
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: tickInterval)
                    wake.yield(.tick)
                }
            }
            let database = await wait(terminal: terminal, wakes: wakes)
            group.cancelAll()
            wake.finish()
            return database
        }
    }

    private enum Wake: Sendable {
        case tick
        case stop(String)
    }

    /// Draws 暂停服务 on every tick, pings the watchdog, retries opening every ``retryInterval``.
    private func wait(terminal: TerminalSession, wakes: AsyncStream<Wake>) async -> AppDatabase? {
        let clock = ContinuousClock()
        var watchdog = notifier.watchdogInterval.map { WatchdogSchedule<ContinuousClock.Instant>(interval: $0) }
        var nextAttempt = clock.now + retryInterval
        var announced = false
        var attempts = 1
        for await wake in wakes {
            if case .stop(let reason) = wake {
                logger.notice("stopping while the database cannot be opened", metadata: ["kiosk.signal": "\(reason)"])
                try? notifier.stopping()
                return nil
            }
            let now = clock.now
            if now >= nextAttempt {
                attempts += 1
                nextAttempt = now + retryInterval
                if let database = try? open(stateDirectory) {
                    logger.notice(
                        "database opened: service resumed", metadata: ["database.attempts": "\(attempts)"])
                    return database
                }
            }
            _ = try? terminal.present(
                PausedScreen.frame(
                    size: terminal.size,
                    context: RenderContext(strings: strings, language: language, theme: theme, size: terminal.size)))
            if !announced {
                announced = true
                try? notifier.ready(status: "paused")
            }
            if var schedule = watchdog {
                if schedule.pingIsDue(at: now) { try? notifier.watchdog() }
                watchdog = schedule
            }
        }
        return nil
    }
}
