/// Maps CUPS `printer-state` and `printer-state-reasons` onto the device model.
///
/// - paper: `media-empty`/`media-needed` → out, `media-jam` → jammed, `media-low` → low, otherwise
///   unknown (CUPS cannot see the paper of a raw queue).
/// - device: `media-jam` → hardwareError; `cover-open`, `door-open`, `media-empty`, `media-needed` →
///   userError (a person must act); `offline`, `shutdown`, `connecting-to-device`, `timed-out` → offline;
///   a stopped queue without a known cause (`paused`) → offline; any other `-error` reason →
///   hardwareError; processing → deviceBusy (busy is not offline); idle → online.
package enum CUPSStatusMapping {
    /// IPP `printer-state` values.
    package enum State: Int, Sendable {
        case idle = 3
        case processing = 4
        case stopped = 5
    }

    /// The device-model status for a queue's attributes.
    package static func status(
        state: Int,
        reasons rawReasons: [String],
        message: String?,
        acceptingJobs: Bool
    ) -> PrinterStatus {
        let reasons = rawReasons.filter { $0 != "none" && !$0.isEmpty }
        let keywords = Set(reasons.map(keyword))
        let paper: PaperState
        if keywords.contains("media-empty") || keywords.contains("media-needed") {
            paper = .out
        } else if keywords.contains("media-jam") {
            paper = .jammed
        } else if keywords.contains("media-low") {
            paper = .low
        } else {
            paper = .unknown
        }

        let device: DeviceState
        let errorReasons = reasons.filter { $0.hasSuffix("-error") }.map(keyword)
        if keywords.contains("media-jam") {
            device = .hardwareError
        } else if !keywords.isDisjoint(with: ["cover-open", "door-open", "media-empty", "media-needed"]) {
            device = .userError
        } else if !keywords.isDisjoint(with: ["offline", "shutdown", "connecting-to-device", "timed-out"]) {
            device = .offline
        } else if state == State.stopped.rawValue {
            device = errorReasons.isEmpty ? .offline : .hardwareError
        } else if !errorReasons.isEmpty {
            device = .hardwareError
        } else if state == State.processing.rawValue {
            device = .deviceBusy
        } else {
            device = .online
        }
        let shownMessage = message.flatMap { $0.isEmpty ? nil : $0 }
        return PrinterStatus(
            device: device,
            paper: paper,
            reasons: reasons,
            message: shownMessage,
            acceptingJobs: acceptingJobs
        )
    }

    /// A reason without its `-error`, `-warning` or `-report` suffix.
    package static func keyword(_ reason: String) -> String {
        for suffix in ["-error", "-warning", "-report"] where reason.hasSuffix(suffix) {
            return String(reason.dropLast(suffix.count))
        }
        return reason
    }
}
