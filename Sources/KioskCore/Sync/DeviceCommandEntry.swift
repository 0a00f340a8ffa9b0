import Foundation
import GRDB

/// One command from the gateway (`reconnectReader`, `printTest`, `resync`, `restartApp`), as the
/// kiosk's command log holds it: recorded once per id, started at most once, its result reported.
package struct DeviceCommandEntry: Codable, Sendable, Equatable, KioskRecord, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "deviceCommand"

    /// The detail of a command whose deadline passed before it was started.
    package static let deadlinePassedDetail = "deadline passed"

    /// The gateway's id, unique per command.
    package var id: String
    /// The command kind as the gateway names it; the sync service interprets it.
    package var kind: String
    /// Not started after this time, the command is finished as failed (``deadlinePassedDetail``).
    package var deadline: Date?
    package var receivedAt: Date
    package var startedAt: Date?
    package var finishedAt: Date?
    /// The result, once finished.
    package var ok: Bool?
    package var detail: String?
    /// When the result was sent with a heartbeat.
    package var reportedAt: Date?

    package init(id: String, kind: String, deadline: Date?, receivedAt: Date) {
        self.id = id
        self.kind = kind
        self.deadline = deadline
        self.receivedAt = receivedAt
    }
}
