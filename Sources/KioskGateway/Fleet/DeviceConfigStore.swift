import Foundation
import KioskProtocol
import PostgresNIO

/// A device's configuration: the latest settings of each of its groups merged (default first,
/// then by group id, a later group overriding), its groups' current announcements and the version
/// (`device_config_version`, migration 0002), in one statement.
struct DeviceConfigStore: Sendable {
    let database: GatewayDatabase

    func document(deviceId: String) async throws -> DeviceConfigDocument {
        let rows = try await database.rows(
            """
            WITH groups AS (
                SELECT 'default'::text AS group_id
                UNION SELECT group_id FROM device_group_member WHERE device_id = \(deviceId)
            ), current AS (
                SELECT a.id, a.text, extract(epoch FROM a.valid_from)::float8 AS valid_from,
                    extract(epoch FROM a.valid_to)::float8 AS valid_to
                FROM announcement a
                WHERE a.group_id IN (SELECT group_id FROM groups) AND a.valid_from <= now() AND a.valid_to > now()
            )
            SELECT device_config_version(\(deviceId)),
                coalesce((SELECT array_agg(s.settings::text ORDER BY g.group_id <> 'default', g.group_id)
                    FROM groups g JOIN LATERAL (
                        SELECT settings FROM config_version c WHERE c.group_id = g.group_id
                        ORDER BY version DESC LIMIT 1) s ON true), '{}'),
                coalesce((SELECT array_agg(id ORDER BY id) FROM current), '{}'),
                coalesce((SELECT array_agg(text ORDER BY id) FROM current), '{}'),
                coalesce((SELECT array_agg(valid_from ORDER BY id) FROM current), '{}'),
                coalesce((SELECT array_agg(valid_to ORDER BY id) FROM current), '{}')
            """)
        let (version, settingsTexts, ids, texts, froms, tos) = try rows[0].decode(
            (String, [String], [Int64], [String], [Double], [Double]).self)
        var settings: [String: AnyJSON] = [:]
        for text in settingsTexts {
            let layer = try ProtocolCoding.decoder().decode([String: AnyJSON].self, from: Data(text.utf8))
            settings.merge(layer) { _, later in later }
        }
        let announcements = ids.indices.map {
            Announcement(
                id: ids[$0], text: texts[$0], validFrom: Date(timeIntervalSince1970: froms[$0]),
                validTo: Date(timeIntervalSince1970: tos[$0]))
        }
        return DeviceConfigDocument(version: version, settings: settings, announcements: announcements)
    }
}
