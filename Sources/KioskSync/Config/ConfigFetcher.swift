import Foundation
import KioskCore
import KioskProtocol
import Logging

/// Fetches the configuration and announcements with `If-None-Match` when the heartbeat names a
/// version the kiosk does not have, and stores the document as the last good one (a failed fetch
/// keeps the previous one; the UI applies it at its next idle moment).
package struct ConfigFetcher: Sendable {
    package let database: AppDatabase
    package let client: GatewayClient
    package let logger: Logger

    package init(database: AppDatabase, client: GatewayClient, logger: Logger) {
        self.database = database
        self.client = client
        self.logger = logger
    }

    /// Fetches when `wanted` differs from the stored version; returns true when a new one was stored.
    package func refresh(wanted: String, now: Date) async throws -> Bool {
        let current = try await database.syncValue(SyncStateKey.configVersion)
        guard current != wanted else { return false }
        let etag = try await database.syncValue(SyncStateKey.configETag)
        guard let fetched = try await client.config(ifNoneMatch: current == nil ? nil : etag) else {
            try await database.setSyncValue(SyncStateKey.configVersion, wanted)
            return false
        }
        let text = String(decoding: try ProtocolCoding.encoder().encode(fetched.document), as: UTF8.self)
        // The home screen reads typed rows, never this JSON (the UI process parses nothing from the
        // network); texts are made displayable on the way in.
        try await database.replaceAnnouncements(
            fetched.document.announcements.map {
                KioskCore.Announcement(id: $0.id, text: $0.text, validFrom: $0.validFrom, validTo: $0.validTo)
            })
        try await database.setSyncValues([
            SyncStateKey.configJSON: text,
            SyncStateKey.configETag: fetched.etag ?? "\"\(fetched.document.version)\"",
            SyncStateKey.configVersion: fetched.document.version,
        ])
        logger.info(
            "configuration \(fetched.document.version) stored (\(fetched.document.announcements.count) announcements)")
        return true
    }
}
