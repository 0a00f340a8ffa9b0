import KioskCore

/// What the ID-card reader reports about itself (XFS4IoT `Common.Status.device` + `CardReader.media`).
package struct ReaderStatus: Sendable, Hashable, CustomStringConvertible {
    /// `online`, `offline` (port lost or SAM silent), `noDevice` (port absent), `hardwareError` (SAM self-test).
    package var device: DeviceState
    /// `present` while a read card stays in the field, `notPresent` otherwise, `unknown` while offline.
    package var media: MediaState
    /// The SAM id once known, e.g. `05.01-20150101-0012345678-1234567890`.
    package var samID: String?

    package init(device: DeviceState, media: MediaState, samID: String? = nil) {
        self.device = device
        self.media = media
        self.samID = samID
    }

    /// The state before the first connection.
    package static let initial = ReaderStatus(device: .offline, media: .unknown)

    package var description: String {
        "device=\(device.rawValue) media=\(media.rawValue) sam=\(samID ?? "-")"
    }
}

/// What the reader service publishes.
package enum ReaderEvent: Sendable, CustomStringConvertible {
    /// The status changed (also sent first to every new subscriber).
    case statusChanged(ReaderStatus)
    /// A card was read. The identity is session data: wipe it when the session ends.
    case cardInserted(Identity)
    /// The card that was read has left the field.
    case cardRemoved
    /// A card is in the field but could not be read (timeout, SAM error, removed mid-read).
    case readFailed(ReaderError)

    package var description: String {
        switch self {
        case .statusChanged(let status): "statusChanged(\(status))"
        case .cardInserted(let identity): "cardInserted(\(identity))"
        case .cardRemoved: "cardRemoved"
        case .readFailed(let error): "readFailed(\(error))"
        }
    }
}
