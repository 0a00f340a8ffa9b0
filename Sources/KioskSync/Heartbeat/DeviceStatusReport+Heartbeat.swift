import Foundation
import KioskCore
import KioskProtocol

extension DeviceStatusReport {
    /// What the UI process last published; `unknown` before it has (or when it is not running).
    static func load(from database: AppDatabase) async throws -> DeviceStatusReport? {
        try await database.syncValue(DeviceStatusReport.key).flatMap(DeviceStatusReport.decode)
    }

    /// The printers as the heartbeat reports them.
    var printerReports: [HeartbeatRequest.PrinterReport] {
        printers.map { printer in
            HeartbeatRequest.PrinterReport(
                name: printer.name, state: printer.state, reasons: printer.reasons,
                paper: HeartbeatRequest.PaperLevel(rawValue: printer.paper) ?? .unknown)
        }
    }
}
