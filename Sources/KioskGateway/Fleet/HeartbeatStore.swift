import Foundation
import KioskProtocol
import PostgresNIO

/// Records one heartbeat in ONE statement (one round trip): the device row, alarm transition
/// events (compared with the stored alarms under the row lock), completed command results, and the
/// pending commands marked sent.
struct HeartbeatStore: Sendable {
    let database: GatewayDatabase

    struct Outcome: Sendable {
        var intervalS: Int
        var configVersion: String
        var commands: [KioskProtocol.DeviceCommand]
    }

    func record(_ report: HeartbeatRequest, json: String, deviceId: String, now: Date) async throws -> Outcome? {
        let alarms = HeartbeatAlarms.compute(report, now: now)
        let resultIds = report.commandResults.map(\.id)
        let results = String(
            decoding: try JSONEncoder().encode(report.commandResults), as: UTF8.self)
        let rows = try await database.rows(
            """
            WITH old AS (
                SELECT id, alarms FROM device WHERE id = \(deviceId) FOR UPDATE
            ), updated AS (
                UPDATE device d SET last_seen_at = now(), app_version = \(report.appVersion),
                    config_version = \(report.configVersion), last_heartbeat = \(json)::jsonb, alarms = \(alarms)
                FROM old WHERE d.id = old.id
                RETURNING d.id, old.alarms AS before, d.heartbeat_interval_s
            ), events AS (
                INSERT INTO device_event (device_id, kind, raised)
                SELECT u.id, k, true FROM updated u, unnest(\(alarms)::text[]) k WHERE NOT k = ANY (u.before)
                UNION ALL
                SELECT u.id, k, false FROM updated u, unnest(u.before) k WHERE NOT k = ANY (\(alarms)::text[])
                RETURNING 1
            ), completed AS (
                UPDATE device_command c SET completed_at = now(), ok = r.ok, detail = r.detail
                FROM jsonb_to_recordset(\(results)::jsonb) AS r(id uuid, ok boolean, detail text)
                WHERE c.id = r.id AND c.device_id = \(deviceId) AND c.completed_at IS NULL
                RETURNING c.id
            ), pending AS (
                UPDATE device_command c SET sent_at = coalesce(c.sent_at, now())
                WHERE c.device_id = \(deviceId) AND c.completed_at IS NULL AND c.deadline > now()
                  AND NOT c.id = ANY (\(resultIds)::uuid[])
                RETURNING c.id, c.kind, c.deadline
            )
            SELECT u.heartbeat_interval_s, device_config_version(u.id),
                coalesce((SELECT array_agg(id ORDER BY deadline) FROM pending), '{}'),
                coalesce((SELECT array_agg(kind ORDER BY deadline) FROM pending), '{}'),
                coalesce((SELECT array_agg(extract(epoch FROM deadline)::float8 ORDER BY deadline) FROM pending), '{}'),
                (SELECT count(*) FROM events) + (SELECT count(*) FROM completed)
            FROM updated u
            """)
        guard let row = rows.first else { return nil }
        let (interval, version, ids, kinds, deadlines, _) = try row.decode(
            (Int, String, [UUID], [String], [Double], Int64).self)
        var commands: [KioskProtocol.DeviceCommand] = []
        for (index, id) in ids.enumerated() {
            guard let kind = KioskProtocol.DeviceCommand.Kind(rawValue: kinds[index]) else { continue }
            commands.append(
                KioskProtocol.DeviceCommand(id: id, kind: kind, deadline: Date(timeIntervalSince1970: deadlines[index]))
            )
        }
        return Outcome(intervalS: interval, configVersion: version, commands: commands)
    }
}
