import Glibc

/// Why a receipt did not print. The receipt did not come out (or must be assumed not to have):
/// any job was cancelled.
package struct PrintError: Error, CustomStringConvertible, Sendable {
    private enum Kind: Sendable {
        case paperOut
        case printerStopped(reasons: [String])
        case notAccepting
        case noSuchPrinter(String)
        case timedOut(jobID: Int?, seconds: Double)
        case jobEnded(jobID: Int, state: String)
        case canceled(jobID: Int?)
        case cups(call: String, message: String)
        case system(call: String, errno: Int32)
        case encoder(call: String, errno: Int32)
        case qrCode(QREncodingError)
        case disconnected(String)
    }

    private let kind: Kind

    static let paperOut = PrintError(kind: .paperOut)
    static let notAccepting = PrintError(kind: .notAccepting)
    static func printerStopped(reasons: [String]) -> PrintError { PrintError(kind: .printerStopped(reasons: reasons)) }
    static func noSuchPrinter(_ name: String) -> PrintError { PrintError(kind: .noSuchPrinter(name)) }
    static func timedOut(jobID: Int?, seconds: Double) -> PrintError {
        PrintError(kind: .timedOut(jobID: jobID, seconds: seconds))
    }
    static func jobEnded(jobID: Int, state: String) -> PrintError {
        PrintError(kind: .jobEnded(jobID: jobID, state: state))
    }
    static func canceled(jobID: Int?) -> PrintError { PrintError(kind: .canceled(jobID: jobID)) }
    static func cups(call: String, message: String) -> PrintError {
        PrintError(kind: .cups(call: call, message: message))
    }
    static func system(call: String, errno: Int32) -> PrintError { PrintError(kind: .system(call: call, errno: errno)) }
    static func encoder(call: String, errno: Int32) -> PrintError {
        PrintError(kind: .encoder(call: call, errno: errno))
    }
    static func qrCode(_ error: QREncodingError) -> PrintError { PrintError(kind: .qrCode(error)) }
    static func disconnected(_ detail: String) -> PrintError { PrintError(kind: .disconnected(detail)) }

    /// The printer ran out of paper (the job was cancelled).
    package var isPaperOut: Bool {
        if case .paperOut = kind { return true }
        if case .printerStopped(let reasons) = kind {
            return reasons.contains { $0.hasPrefix("media-empty") || $0.hasPrefix("media-needed") }
        }
        return false
    }

    /// The queue does not exist on the cupsd.
    package var isNoSuchPrinter: Bool {
        if case .noSuchPrinter = kind { return true }
        return false
    }

    /// The queue rejects jobs (`cupsreject`).
    package var isNotAccepting: Bool {
        if case .notAccepting = kind { return true }
        return false
    }

    /// The job was cancelled on request (session end).
    package var isCanceled: Bool {
        if case .canceled = kind { return true }
        return false
    }

    /// The job did not complete before the deadline (and was cancelled).
    package var isTimeout: Bool {
        if case .timedOut = kind { return true }
        return false
    }

    package var description: String {
        switch kind {
        case .paperOut: "the printer is out of paper; the job was cancelled"
        case .printerStopped(let reasons):
            "the printer queue stopped (\(reasons.joined(separator: ", "))); the job was cancelled"
        case .notAccepting: "the printer queue is not accepting jobs"
        case .noSuchPrinter(let name): "no printer queue named '\(name)'"
        case .timedOut(let id, let seconds):
            "job \(id.map(String.init) ?? "-") did not complete within \(seconds) s; it was cancelled"
        case .jobEnded(let id, let state): "job \(id) ended \(state) instead of completing"
        case .canceled(let id): "job \(id.map(String.init) ?? "-") was cancelled"
        case .cups(let call, let message): "\(call) failed: \(message)"
        case .system(let call, let code): "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
        case .encoder(let call, let code): "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
        case .qrCode(let error): "cannot print the QR code: \(error)"
        case .disconnected(let detail): "printer connection lost: \(detail)"
        }
    }
}
