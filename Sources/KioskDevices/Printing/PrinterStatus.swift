/// The status of a receipt printer in the device model (XFS4IoT `Common.Status.device` and
/// `Printer.Status.paper`), plus what the spooler said.
package struct PrinterStatus: Sendable, Hashable, Codable {
    /// online, offline, noDevice, hardwareError, userError, deviceBusy…
    package var device: DeviceState
    /// Paper supply of the (only) roll; `unknown` when the transport cannot tell.
    package var paper: PaperState
    /// Whether a person must act (cover open, paper out) or the spooler was stopped.
    package var reasons: [String]
    /// A message from the spooler or device, if any (English or vendor text).
    package var message: String?
    /// Whether new jobs are accepted.
    package var acceptingJobs: Bool

    /// Creates a status.
    package init(
        device: DeviceState,
        paper: PaperState,
        reasons: [String] = [],
        message: String? = nil,
        acceptingJobs: Bool = true
    ) {
        self.device = device
        self.paper = paper
        self.reasons = reasons
        self.message = message
        self.acceptingJobs = acceptingJobs
    }

    /// Whether a receipt may be offered now: the device is online or busy, accepts jobs and has paper.
    package var canPrint: Bool {
        (device == .online || device == .deviceBusy) && acceptingJobs && paper != .out && paper != .jammed
    }
}
