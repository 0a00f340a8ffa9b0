import Foundation
import KioskCore
import KioskDevices
import Logging
import ServiceLifecycle

/// Tells staff when the receipt printer needs them: paper low or out, cover open, offline. Each
/// change is logged (the journal) and recorded in the audit log, so `kiosk audit export` and the
/// journal both show when the kiosk could not print.
struct PrinterAlerts: Service {
    let changes: AsyncStream<PrinterMonitor.Change>
    let database: AppDatabase
    let terminalId: String
    /// Keeps the latest status for ``DeviceStatusPublisher`` (a connected kiosk); nil on an island kiosk.
    var board: PrinterStatusBoard? = nil
    let logger: Logger

    func run() async throws {
        for await change in changes.cancelOnGracefulShutdown() {
            let status = change.status
            board?.update(status)
            let detail =
                "device=\(status.device.rawValue) paper=\(status.paper.rawValue) reasons=\(status.reasons.joined(separator: ","))"
            if status.canPrint && status.paper != .low {
                logger.info("printer ready", metadata: ["printer.status": "\(detail)"])
            } else {
                logger.warning("printer needs attention", metadata: ["printer.status": "\(detail)"])
            }
            _ = try? await database.recordAudit(
                AuditEvent(
                    time: Date(), terminalId: terminalId, event: "printer.status",
                    outcome: status.canPrint ? (status.paper == .low ? "paper-low" : "ready") : "unavailable",
                    detail: detail))
        }
    }
}
