import Foundation

/// The devices' state as the UI process publishes it for the heartbeat: the UI process owns the
/// reader and the printer, the sync process never touches them. Stored as JSON in `syncState`
/// under ``key``; nothing of a citizen is in it.
package struct DeviceStatusReport: Codable, Sendable, Equatable {
    /// The `syncState` key.
    package static let key = "deviceStatus"

    /// One printer queue.
    package struct Printer: Codable, Sendable, Equatable {
        package var name: String
        /// XFS4IoT device state (`online`, `offline`, `deviceBusy`, …).
        package var state: String
        /// CUPS `printer-state-reasons` (or the device's own, for a 9100 printer).
        package var reasons: [String]
        /// `ok`, `low`, `out` or `unknown`, as the heartbeat spells it.
        package var paper: String

        package init(name: String, state: String, reasons: [String], paper: String) {
            self.name = name
            self.state = state
            self.reasons = reasons
            self.paper = paper
        }
    }

    /// XFS4IoT spelling (`online`, `offline`, `noDevice`, `hardwareError`), `disabled` without a reader.
    package var readerState: String
    package var printers: [Printer]
    package var reportedAt: Date

    package init(readerState: String, printers: [Printer], reportedAt: Date) {
        self.readerState = readerState
        self.printers = printers
        self.reportedAt = reportedAt
    }

    /// The report's stored form.
    package func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// A stored report, or nil when `text` is not one.
    package static func decode(_ text: String) -> DeviceStatusReport? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(DeviceStatusReport.self, from: Data(text.utf8))
    }
}
