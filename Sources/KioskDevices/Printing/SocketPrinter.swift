import KioskCore
import Logging

/// A network receipt printer reached directly over AppSocket/JetDirect (TCP 9100), the only
/// transport that can read the printer's own `DLE EOT` status.
///
/// Status is asked on a connection of its own (`DLE EOT 1`–`4`, one answer byte each). A print
/// checks the status first (and refuses to send anything when the paper is out or the cover open),
/// sends the bytes, and checks the status again: the receipt counts as printed when all bytes were
/// taken and the printer reports no paper-out afterwards. There is no queue, so nothing can print
/// later; ``cancelPending(session:)`` has nothing to cancel.
package actor SocketPrinter: ReceiptPrinter {
    package let host: String
    package let port: Int
    package let profile: PrinterProfile
    private let timeoutMilliseconds: Int32
    private let statusTimeoutMilliseconds: Int32
    private let worker = BlockingWorker(name: "kiosk-appsocket")
    private let logger: Logger

    /// Creates a printer at `host:port`.
    /// - Parameters:
    ///   - timeout: Connect and write timeout.
    ///   - statusTimeout: How long to wait for each `DLE EOT` answer (printers that never answer
    ///     cost four of these per status query).
    package init(
        host: String,
        port: Int = 9100,
        profile: PrinterProfile,
        timeout: Duration = .seconds(10),
        statusTimeout: Duration = .milliseconds(500),
        logger: Logger = Logger(label: "kiosk.printer.socket")
    ) {
        self.host = host
        self.port = port
        self.profile = profile
        self.timeoutMilliseconds = Self.milliseconds(timeout)
        self.statusTimeoutMilliseconds = Self.milliseconds(statusTimeout)
        self.logger = logger
    }

    deinit {
        worker.shutdown()
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        Int32(clamping: duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    /// The raw `DLE EOT` answers.
    package func realTimeStatus() async throws(PrintError) -> RealTimeStatus {
        let (host, port, timeout, statusTimeout) = (
            self.host, self.port, timeoutMilliseconds, statusTimeoutMilliseconds
        )
        return try await worker.run { () -> Result<RealTimeStatus, PrintError> in
            do throws(PrintError) {
                let connection = try AppSocketConnection(host: host, port: port, timeoutMilliseconds: timeout)
                return .success(try Self.query(connection, timeout: statusTimeout))
            } catch {
                return .failure(error)
            }
        }.get()
    }

    package func status() async -> PrinterStatus {
        do {
            return try await realTimeStatus().status
        } catch {
            return PrinterStatus(
                device: .offline,
                paper: .unknown,
                reasons: ["offline-report"],
                message: error.description,
                acceptingJobs: false
            )
        }
    }

    package func print(_ receipt: Receipt, session: PrintSessionID) async throws(PrintError) -> PrintReport {
        let encoded = try EncodedReceipt.forPrinting(receipt, profile: profile, logger: logger)
        try await send(encoded.bytes)
        return PrintReport(
            jobID: nil, encoded: encoded, textLines: ReceiptTextRenderer.lines(of: receipt, columns: profile.columns))
    }

    /// Sends already-encoded bytes with the status checks of ``print(_:session:)``.
    package func send(_ bytes: [UInt8]) async throws(PrintError) {
        let (host, port, timeout, statusTimeout) = (
            self.host, self.port, timeoutMilliseconds, statusTimeoutMilliseconds
        )
        let before = try await worker.run { () -> Result<RealTimeStatus, PrintError> in
            do throws(PrintError) {
                let connection = try AppSocketConnection(host: host, port: port, timeoutMilliseconds: timeout)
                let status = try Self.query(connection, timeout: statusTimeout)
                if status.answered, !status.status.canPrint {
                    return .success(status)
                }
                try connection.write(bytes, timeoutMilliseconds: timeout)
                return .success(status)
            } catch {
                return .failure(error)
            }
        }.get()
        if before.answered, !before.status.canPrint {
            logger.info("printer not ready; nothing sent", metadata: ["printer.reasons": "\(before.status.reasons)"])
            throw before.status.paper == .out
                ? PrintError.paperOut : PrintError.printerStopped(reasons: before.status.reasons)
        }
        guard before.answered else { return }
        let after = try await realTimeStatus()
        if after.answered, after.status.paper == .out {
            throw PrintError.paperOut
        }
    }

    package func cancelPending(session: PrintSessionID) async {}

    /// Sends `DLE EOT 1`–`4` and reads one answer each; stops asking after the first silence.
    private static func query(_ connection: AppSocketConnection, timeout: Int32) throws(PrintError) -> RealTimeStatus {
        var status = RealTimeStatus()
        for n in UInt8(1)...4 {
            try connection.write(ESCPOS.statusRequest(n), timeoutMilliseconds: timeout)
            guard let byte = try connection.readByte(timeoutMilliseconds: timeout),
                RealTimeStatus.isValidAnswer(byte)
            else { break }
            switch n {
            case 1: status.printer = byte
            case 2: status.offlineCause = byte
            case 3: status.errorCause = byte
            default: status.paperSensor = byte
            }
        }
        return status
    }
}
