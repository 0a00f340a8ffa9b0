/// The answers to `DLE EOT 1`–`4` (ESC/POS real-time status) and their meaning in the device model.
///
/// Each answer byte has the fixed pattern `0xx1xx10` (bit 1 and bit 4 set, bits 0 and 7 clear); a
/// byte without it is not a status answer. Absent answers stay `nil` (the printer does not answer).
package struct RealTimeStatus: Sendable, Hashable {
    /// `DLE EOT 1`: bit 3 offline.
    package var printer: UInt8?
    /// `DLE EOT 2`: bit 2 cover open, bit 3 feed button, bit 5 stopped by paper end, bit 6 error.
    package var offlineCause: UInt8?
    /// `DLE EOT 3`: bit 3 autocutter error, bit 5 unrecoverable, bit 6 auto-recoverable.
    package var errorCause: UInt8?
    /// `DLE EOT 4`: bits 2–3 paper near end, bits 5–6 paper end.
    package var paperSensor: UInt8?

    /// Creates a status from answer bytes.
    package init(printer: UInt8? = nil, offlineCause: UInt8? = nil, errorCause: UInt8? = nil, paperSensor: UInt8? = nil)
    {
        self.printer = printer
        self.offlineCause = offlineCause
        self.errorCause = errorCause
        self.paperSensor = paperSensor
    }

    /// Whether `byte` has the fixed bits of a real-time status answer.
    package static func isValidAnswer(_ byte: UInt8) -> Bool {
        byte & 0x93 == 0x12
    }

    /// Whether the printer answered at all.
    package var answered: Bool { printer != nil }

    /// The device-model status these answers mean.
    package var status: PrinterStatus {
        guard let printer else {
            return PrinterStatus(
                device: .online,
                paper: .unknown,
                reasons: ["status-not-supported"],
                message: "the printer does not answer DLE EOT"
            )
        }
        var reasons: [String] = []
        let paperEnd = (paperSensor.map { $0 & 0x60 != 0 } ?? false) || (offlineCause.map { $0 & 0x20 != 0 } ?? false)
        let nearEnd = paperSensor.map { $0 & 0x0C != 0 } ?? false
        let coverOpen = offlineCause.map { $0 & 0x04 != 0 } ?? false
        let cutter = errorCause.map { $0 & 0x08 != 0 } ?? false
        let unrecoverable = errorCause.map { $0 & 0x20 != 0 } ?? false
        let recoverable = errorCause.map { $0 & 0x40 != 0 } ?? false
        let offline = printer & 0x08 != 0

        if paperEnd { reasons.append("media-empty-error") } else if nearEnd { reasons.append("media-low-warning") }
        if coverOpen { reasons.append("cover-open-error") }
        if cutter { reasons.append("cutter-error") }
        if unrecoverable || recoverable { reasons.append("other-error") }
        if offline && reasons.isEmpty { reasons.append("offline-report") }

        let paper: PaperState = paperEnd ? .out : (nearEnd ? .low : (paperSensor == nil ? .unknown : .full))
        let device: DeviceState
        if cutter || unrecoverable {
            device = .hardwareError
        } else if coverOpen || paperEnd {
            device = .userError
        } else if recoverable {
            device = .hardwareError
        } else if offline {
            device = .offline
        } else {
            device = .online
        }
        return PrinterStatus(device: device, paper: paper, reasons: reasons)
    }
}
