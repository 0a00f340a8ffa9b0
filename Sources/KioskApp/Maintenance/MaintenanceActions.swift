import Foundation
import KioskCore
import KioskDevices

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

    /// One line per part: reader, printer (with paper), database, disk, sync backlog.
    func statusLines() async -> [String] {
        let doctor = Doctor(configurationPath: nil, stateDirectory: stateDirectory, now: now())
        var lines = ["读卡器 reader: \(readerStatus())"]
        if let printer {
            let status = await printer.status()
            lines.append("打印机 printer: \(status.device.rawValue), 纸张 paper \(status.paper.rawValue)"
                + (status.reasons.isEmpty ? "" : " (\(status.reasons.joined(separator: ",")))"))
        } else {
            lines.append("打印机 printer: none")
        }
        for finding in [doctor.checkDatabase(), doctor.checkDisk()] {
            lines.append("\(finding.check == "database" ? "数据库" : "磁盘") \(finding.check): \(finding.severity.rawValue), \(finding.message)")
        }
        let backlog = (try? await database.pendingOutbox(now: now(), limit: 10_000).count) ?? -1
        lines.append("待同步 sync backlog: \(backlog)")
        return lines
    }

    /// Closes and re-opens the reader's port (the printer needs nothing: each print reconnects to CUPS).
    func reconnectDevices() -> String {
        reconnectReader()
        return "读卡器正在重新连接 (reader reconnecting); 打印机每次打印时重新连接 (printer reconnects per job)"
    }

    /// Prints the printer test receipt and waits for CUPS to report it done.
    func printTestReceipt() async -> String {
        guard let printer else { return "没有配置打印机 (no printer configured)" }
        let receipt = ReceiptTemplates.printerTest(
            profileName: profileName, printedAt: DisplayFormat.receiptTime(now()))
        do {
            _ = try await printer.print(receipt, session: PrintSessionID("maintenance"))
            return "测试页已打印 (test receipt printed)"
        } catch {
            return "打印失败 (print failed): \(error)"
        }
    }

    /// Writes every mail request, with full recipient data, as CSV (mode 0600) to the export
    /// directory (a mounted USB stick).
    func exportMailQueue() async -> String {
        guard FileManager.default.fileExists(atPath: exportDirectory) else {
            return "找不到U盘目录 (no export directory) \(exportDirectory)"
        }
        do {
            let requests = try await database.mailRequests()
            let rows = requests.map(MailExportRow.init)
            let data = try StaffExport.render(rows, format: .csv, header: MailExportRow.header) { $0.fields }
            let stamp = DisplayFormat.receiptTime(now()).replacingOccurrences(of: " ", with: "-")
                .replacingOccurrences(of: ":", with: "")
            let path = (exportDirectory as NSString).appendingPathComponent("mail-\(stamp).csv")
            try StaffFile.writePrivate(data, to: path, force: false)
            return "已导出 \(rows.count) 条邮寄申请 (exported) → \(path)"
        } catch {
            return "导出失败 (export failed): \(error)"
        }
    }
}
