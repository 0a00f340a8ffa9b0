import Foundation
import KioskCore
import KioskDevices
import Logging
import ServiceLifecycle
import Synchronization

/// The latest printer status, kept by ``PrinterAlerts`` and read by ``DeviceStatusPublisher``.
final class PrinterStatusBoard: Sendable {
    private let latest = Mutex<PrinterStatus?>(nil)

    func update(_ status: PrinterStatus) { latest.withLock { $0 = status } }
    var current: PrinterStatus? { latest.withLock { $0 } }
}

/// Publishes the devices' state for the sync process's heartbeat (`syncState.deviceStatus`): the
/// UI process owns the reader and the printer, and this is the only way their state leaves it.
/// Written when it changes, and at least every `refreshInterval` so the sync side can tell a live
/// report from a stale one.
struct DeviceStatusPublisher<C: Clock<Duration>>: Service {
    let database: AppDatabase
    let readerState: @Sendable () -> String
    let printers: PrinterStatusBoard
    let printerName: String
    let clock: C
    let now: @Sendable () -> Date
    var interval: Duration = .seconds(5)
    var refreshInterval: Duration = .seconds(300)
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown { await publish() }
    }

    private func publish() async {
        var last: DeviceStatusReport?
        var lastWrite = clock.now
        while !Task.isCancelled {
            var report = Self.report(
                readerState: readerState(), printer: printers.current, printerName: printerName, at: now())
            let changed = last.map { $0.readerState != report.readerState || $0.printers != report.printers } ?? true
            if changed || lastWrite.duration(to: clock.now) >= refreshInterval {
                report.reportedAt = now()
                do {
                    try await database.setSyncValue(DeviceStatusReport.key, try report.encoded())
                    last = report
                    lastWrite = clock.now
                } catch {
                    logger.warning("device status not published: \(error)")
                }
            }
            try? await clock.sleep(for: interval)
        }
    }

    /// The report for a reader state and a printer status.
    static func report(readerState: String, printer: PrinterStatus?, printerName: String, at time: Date)
        -> DeviceStatusReport
    {
        let printers = printer.map { status in
            [
                DeviceStatusReport.Printer(
                    name: printerName, state: status.device.rawValue, reasons: status.reasons,
                    paper: paperLevel(status.paper))
            ]
        }
        return DeviceStatusReport(readerState: readerState, printers: printers ?? [], reportedAt: time)
    }

    /// XFS4IoT paper states in the heartbeat's words (a jam is not a paper level: `unknown`, and
    /// the reasons carry `media-jam`).
    static func paperLevel(_ paper: PaperState) -> String {
        switch paper {
        case .full: "ok"
        case .low: "low"
        case .out: "out"
        case .unknown, .jammed: "unknown"
        }
    }
}
