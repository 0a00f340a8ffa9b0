import KioskCore

/// How a print request ended.
package enum PrintOutcome: Sendable, Equatable {
    /// The receipt came out of the printer.
    case printed
    /// No printer is usable; the screen shows this QR code (a URL/token, never personal data, rule R15).
    case unavailable(qr: QRMatrix)
    /// The printer failed mid-job; the citizen is sent to a service window.
    case failed
}
