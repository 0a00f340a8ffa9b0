import Foundation
import KioskCore

/// The demo-mode printer: writes each receipt to a folder instead of paper and returns its text.
///
/// For receipt number N it writes `receipt-NNNN.escpos` (the exact bytes a printer would get),
/// `receipt-NNNN.txt` (the text rendering) and `receipt-NNNN-qrK.pbm` for each raster part. The
/// status can be set to simulate paper low/out for demos and tests.
package actor PreviewPrinter: ReceiptPrinter {
    package let folder: URL
    package let profile: PrinterProfile
    private var counter = 0
    private var simulatedStatus = PrinterStatus(device: .online, paper: .full)

    /// Creates a preview printer writing into `folder` (created when missing).
    package init(folder: URL, profile: PrinterProfile) {
        self.folder = folder
        self.profile = profile
    }

    /// Sets the status the printer reports (and obeys: paper out refuses to print).
    package func simulate(_ status: PrinterStatus) {
        simulatedStatus = status
    }

    package func status() async -> PrinterStatus { simulatedStatus }

    package func print(_ receipt: Receipt, session: PrintSessionID) async throws(PrintError) -> PrintReport {
        guard simulatedStatus.canPrint else {
            throw simulatedStatus.paper == .out
                ? PrintError.paperOut : PrintError.printerStopped(reasons: simulatedStatus.reasons)
        }
        let encoded = try ESCPOSEncoder(profile: profile).encode(receipt)
        let lines = ReceiptTextRenderer.lines(of: receipt, columns: profile.columns)
        counter += 1
        let base = "receipt-" + counter.zeroPadded(4)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(encoded.bytes).write(to: folder.appendingPathComponent(base + ".escpos"))
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(
                to: folder.appendingPathComponent(base + ".txt")
            )
            for (index, image) in encoded.rasterImages.enumerated() {
                try Data(image.pbm).write(to: folder.appendingPathComponent("\(base)-qr\(index + 1).pbm"))
            }
        } catch {
            throw PrintError.system(
                call: "write \(folder.path)/\(base)",
                errno: (error as NSError).code == 0 ? EIO : Int32((error as NSError).code)
            )
        }
        return PrintReport(jobID: counter, encoded: encoded, textLines: lines)
    }

    package func cancelPending(session: PrintSessionID) async {}
}
