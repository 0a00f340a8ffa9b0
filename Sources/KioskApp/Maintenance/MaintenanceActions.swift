import Foundation
import KioskCore
import KioskDevices
import KioskUI

/// What staff can do in maintenance mode, over the running kiosk's own parts.
struct MaintenanceActions: Sendable {
    var database: AppDatabase
    var printer: (any ReceiptPrinter)?
    var readerStatus: @Sendable () -> String
    var reconnectReader: @Sendable () -> Void
    var stateDirectory: String
    var exportDirectory: String
    var profileName: String
    var now: @Sendable () -> Date
    /// A connected kiosk (`[gateway] url`): the status also shows the sync figures, from SQLite only.
    var gatewayConfigured = false

    /// One line per part: reader, printer (with paper), database, disk, sync backlog.
    func statusLines() async -> [MaintenanceStatusLine] {
        let doctor = Doctor(configurationPath: nil, stateDirectory: stateDirectory, now: now())
        var lines = [MaintenanceStatusLine(part: .maintenanceReader, state: readerStatus())]
        if let printer {
            let status = await printer.status()
            let reasons = status.reasons.isEmpty ? "" : " (\(status.reasons.joined(separator: ",")))"
            lines.append(
                MaintenanceStatusLine(
                    part: .maintenancePrinter,
                    state: "\(status.device.rawValue), paper \(status.paper.rawValue)\(reasons)"))
        } else {
            lines.append(MaintenanceStatusLine(part: .maintenancePrinter, state: "none"))
        }
        for (part, finding) in [
            (StringKey.maintenanceDatabase, doctor.checkDatabase()), (.maintenanceDisk, doctor.checkDisk()),
        ] {
            lines.append(MaintenanceStatusLine(part: part, state: "\(finding.severity.rawValue), \(finding.message)"))
        }
        let backlog = (try? await database.pendingOutbox(now: now(), limit: 10_000).count) ?? -1
        lines.append(MaintenanceStatusLine(part: .maintenanceBacklog, state: "\(backlog)"))
        if gatewayConfigured { lines += await gatewayLines() }
        return lines
    }

    /// The most dead-letter reasons shown.
    static let shownDeadLetterReasons = 3

    /// Enrolment, last contact, outbox and replica, as the sync process left them in SQLite (the UI
    /// process never asks the network).
    func gatewayLines() async -> [MaintenanceStatusLine] {
        let enrollment = URL(fileURLWithPath: stateDirectory).appendingPathComponent("gateway/enrollment.json").path
        var lines = [
            MaintenanceStatusLine(
                part: .maintenanceGatewayEnrolled,
                state: FileManager.default.fileExists(atPath: enrollment) ? "yes" : "no")
        ]
        let summary: SyncSummary
        do {
            summary = try await database.syncSummary(now: now())
        } catch {
            lines.append(MaintenanceStatusLine(part: .maintenanceGatewayOutbox, state: "unreadable: \(error)"))
            return lines
        }
        let lastPull = try? await database.syncTime(SyncStateKey.lastPullAt)
        lines.append(
            MaintenanceStatusLine(
                part: .maintenanceGatewayContact, state: summary.lastContactAt.map(DisplayFormat.receiptTime) ?? "never"
            ))
        lines.append(MaintenanceStatusLine(part: .maintenanceGatewayOutbox, state: "\(summary.outboxPending)"))
        var deadLetters = "\(summary.deadLettered)"
        let reasons = summary.deadLetterReasons.prefix(Self.shownDeadLetterReasons).map { $0.isEmpty ? "?" : $0 }
        if !reasons.isEmpty { deadLetters += " (" + reasons.joined(separator: "; ") + ")" }
        lines.append(MaintenanceStatusLine(part: .maintenanceGatewayDeadLetters, state: deadLetters))
        lines.append(
            MaintenanceStatusLine(
                part: .maintenanceGatewayReplica,
                state: "\(summary.caseFileCount) 办件, last pull \(lastPull.map(DisplayFormat.receiptTime) ?? "never")"))
        return lines
    }

    /// Closes and re-opens the reader's port (the printer needs nothing: each print reconnects to CUPS).
    func reconnectDevices() -> MaintenanceNotice {
        reconnectReader()
        return MaintenanceNotice(.maintenanceReconnecting)
    }

    /// Prints the printer test receipt and waits for CUPS to report it done.
    func printTestReceipt() async -> MaintenanceNotice {
        guard let printer else { return MaintenanceNotice(.maintenanceNoPrinter) }
        let receipt = ReceiptTemplates.printerTest(
            profileName: profileName, printedAt: DisplayFormat.receiptTime(now()))
        do {
            _ = try await printer.print(receipt, session: PrintSessionID("maintenance"))
            return MaintenanceNotice(.maintenanceTestPrinted)
        } catch {
            return MaintenanceNotice(.maintenancePrintFailed, ["error": "\(error)"])
        }
    }

    /// Writes every mail request, with full recipient data, as CSV (mode 0600) to the export
    /// directory (a mounted USB stick).
    func exportMailQueue() async -> MaintenanceNotice {
        guard FileManager.default.fileExists(atPath: exportDirectory) else {
            return MaintenanceNotice(.maintenanceNoExportDirectory, ["path": exportDirectory])
        }
        do {
            let requests = try await database.mailRequests()
            let rows = requests.map(MailExportRow.init)
            let data = try StaffExport.render(rows, format: .csv)
            let stamp = DisplayFormat.receiptTime(now()).replacingOccurrences(of: " ", with: "-")
                .replacingOccurrences(of: ":", with: "")
            let path = (exportDirectory as NSString).appendingPathComponent("mail-\(stamp).csv")
            try StaffFile.writePrivate(data, to: path, force: false)
            // The file is written: failing to stamp the export time must not report the export failed.
            _ = try? await database.markMailExported(ids: requests.compactMap(\.id), at: now())
            return MaintenanceNotice(.maintenanceExported, ["count": "\(rows.count)", "path": path])
        } catch {
            return MaintenanceNotice(.maintenanceExportFailed, ["error": "\(error)"])
        }
    }
}
