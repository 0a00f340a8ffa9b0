/// Device status values, spelled as in XFS4IoT `Common.Status.device`.
///
/// `deviceBusy` is what a printer reports while it is printing: busy is not offline.
package enum DeviceState: String, Sendable, Hashable, Codable, CaseIterable {
    case online
    case offline
    case powerOff
    case noDevice
    case hardwareError
    case userError
    case deviceBusy
    case fraudAttempt
    case potentialFraud
}

/// Paper supply state, spelled as in XFS4IoT `Printer.Status.paper`.
package enum PaperState: String, Sendable, Hashable, Codable, CaseIterable {
    case unknown
    case full
    case low
    case out
    case jammed
}

/// Media state of a card reader or a presenter printer, spelled as in XFS4IoT.
package enum MediaState: String, Sendable, Hashable, Codable, CaseIterable {
    case unknown
    case present
    case notPresent
    case jammed
    case entering
    case latched
    case retracted
}
