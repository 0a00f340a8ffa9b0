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
