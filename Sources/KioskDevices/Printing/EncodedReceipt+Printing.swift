import KioskCore
import Logging

extension EncodedReceipt {
    /// `receipt` encoded for `profile`, with every replacement the encoder made logged to `logger`.
    static func forPrinting(
        _ receipt: Receipt, profile: PrinterProfile, logger: Logger
    ) throws(PrintError) -> EncodedReceipt {
        let encoded = try ESCPOSEncoder(profile: profile).encode(receipt)
        for warning in encoded.warnings {
            logger.info("receipt printed with a replacement", metadata: ["printer.warning": "\(warning)"])
        }
        return encoded
    }
}

extension PrintReport {
    /// The report of `encoded`, sent as job `jobID` (if the transport has jobs); `textLines` is the
    /// receipt as text.
    init(jobID: Int?, encoded: EncodedReceipt, textLines: [String]) {
        self.init(
            jobID: jobID, byteCount: encoded.bytes.count, warnings: encoded.warnings, textLines: textLines,
            bytesHash: PrintReport.hash(of: encoded.bytes))
    }
}
