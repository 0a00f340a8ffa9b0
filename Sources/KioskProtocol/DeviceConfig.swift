import Foundation

/// `GET /v1/device/config`: the settings of the device's groups merged, and current announcements.
package struct DeviceConfigDocument: Codable, Sendable, Equatable {
    /// Also the `ETag` (quoted).
    package var version: String
    package var settings: [String: AnyJSON]
    package var announcements: [Announcement]

    package init(version: String, settings: [String: AnyJSON], announcements: [Announcement]) {
        self.version = version
        self.settings = settings
        self.announcements = announcements
    }
}

/// A notice for the home screen.
package struct Announcement: Codable, Sendable, Equatable {
    package var id: Int64
    package var text: String
    package var validFrom: Date
    package var validTo: Date

    package init(id: Int64, text: String, validFrom: Date, validTo: Date) {
        self.id = id
        self.text = text
        self.validFrom = validFrom
        self.validTo = validTo
    }
}
