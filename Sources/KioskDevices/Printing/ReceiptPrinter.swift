import KioskCore

/// A receipt printer, whatever the transport: a CUPS raw queue (``CUPSPrinter``), a direct AppSocket
/// connection (``SocketPrinter``) or the demo-mode folder (``PreviewPrinter``).
package protocol ReceiptPrinter: Sendable {
    /// The printer's current status, asked of the device or spooler now.
    func status() async -> PrinterStatus

    /// Prints `receipt` for `session` and returns once the printer (or spooler) reports it done.
    ///
    /// A print counts as done only when the job is reported completed; a job that is merely queued is
    /// not a success. When the printer stops (paper out, cover open…) or the deadline passes, the job
    /// is cancelled so that it never prints later for someone else, and an error is thrown.
    /// - Throws: ``PrintError``.
    func print(_ receipt: Receipt, session: PrintSessionID) async throws(PrintError) -> PrintReport

    /// Cancels every job of `session` that has not completed yet (called when the session ends).
    func cancelPending(session: PrintSessionID) async
}

/// Identifies the citizen session a print job belongs to, so its pending jobs can be cancelled when
/// it ends. Opaque: make one per session.
package struct PrintSessionID: Sendable, Hashable, CustomStringConvertible {
    package let rawValue: String

    /// Creates an id from any unique string (e.g. a UUID).
    package init(_ rawValue: String) { self.rawValue = rawValue }

    package var description: String { rawValue }
}

/// What a completed print produced (the screen's view of a print is KioskUI's `PrintOutcome`).
package struct PrintReport: Sendable {
    /// The spooler's job id (CUPS), or `nil` for transports without jobs.
    package var jobID: Int?
    /// Bytes sent to the printer.
    package var byteCount: Int
    /// Characters replaced and other deviations, to be logged.
    package var warnings: [PrintWarning]
    /// The receipt as text lines (for the screen).
    package var textLines: [String]
    /// 64-bit hash of the bytes (SipHash-2-4 with a fixed key), to record the receipt without keeping it.
    package var bytesHash: UInt64

    /// Creates an outcome.
    package init(jobID: Int?, byteCount: Int, warnings: [PrintWarning], textLines: [String], bytesHash: UInt64) {
        self.jobID = jobID
        self.byteCount = byteCount
        self.warnings = warnings
        self.textLines = textLines
        self.bytesHash = bytesHash
    }

    /// The hash recorded for printed bytes (not secret: it identifies, it does not authenticate).
    package static func hash(of bytes: [UInt8]) -> UInt64 {
        SipHash24(key: Array("kiosk-receipt-v1".utf8)).hash(bytes)
    }
}
