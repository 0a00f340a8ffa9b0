import Foundation
import KioskProtocol
import PostgresNIO

/// Records heartbeats in ONE statement (one round trip): the device row, alarm transition events
/// (compared with the stored alarms under the row lock), completed command results, and the pending
/// commands marked sent. ``record(_:json:deviceId:now:)`` takes one heartbeat;
/// ``recordBatch(_:)`` takes many of different devices (``HeartbeatBatcher``).
struct HeartbeatStore: Sendable {
    let database: GatewayDatabase

    /// One heartbeat as the batch statement takes it.
    struct Entry: Sendable {
        let deviceId: String
        let report: HeartbeatRequest
        /// The report re-encoded (stored as `device.last_heartbeat`).
        let json: String
        let now: Date
    }

    struct Outcome: Sendable {
        var intervalS: Int
        var configVersion: String
        var commands: [KioskProtocol.DeviceCommand]
    }

    /// Records one heartbeat (the batch statement with one row).
    func record(_ report: HeartbeatRequest, json: String, deviceId: String, now: Date) async throws -> Outcome? {
        try await recordBatch([Entry(deviceId: deviceId, report: report, json: json, now: now)])[deviceId]
    }

    /// Records heartbeats of distinct devices in one statement and one commit; the outcome of each
    /// known device by id (an unknown or revoked-and-deleted device has none).
    ///
    /// Device rows are locked in id order, so two concurrent batches cannot deadlock each other; a
    /// deadlock with another writer (PostgreSQL aborts one side) is retried once.
    func recordBatch(_ entries: [Entry]) async throws -> [String: Outcome] {
        do {
            return try await recordBatchOnce(entries)
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "40P01" {
            return try await recordBatchOnce(entries)
        }
    }

    private func recordBatchOnce(_ entries: [Entry]) async throws -> [String: Outcome] {
        var outcomes: [String: Outcome] = [:]
        let statement = try HeartbeatBatchStatement(entries)
        for try await (id, interval, version, commandIds, kinds, deadlines) in try await database.client.execute(
            statement, logger: database.logger)
        {
            var commands: [KioskProtocol.DeviceCommand] = []
            for (index, commandId) in commandIds.enumerated() {
                guard let kind = KioskProtocol.DeviceCommand.Kind(rawValue: kinds[index]) else { continue }
                commands.append(
                    KioskProtocol.DeviceCommand(
                        id: commandId, kind: kind, deadline: Date(timeIntervalSince1970: deadlines[index])))
            }
            outcomes[id] = Outcome(intervalS: interval, configVersion: version, commands: commands)
        }
        return outcomes
    }
}

/// The batch statement, prepared once per connection (its plan is not rebuilt for every batch).
struct HeartbeatBatchStatement: PostgresPreparedStatement {
    typealias Row = (String, Int, String, [UUID], [String], [Double])

    static let sql = """
        WITH parsed AS (
            SELECT t.id, t.app_version, CASE WHEN t.has_config THEN t.config_version END AS config_version,
                t.heartbeat::jsonb AS heartbeat,
                ARRAY(SELECT jsonb_array_elements_text(t.alarms::jsonb)) AS alarms, t.results::jsonb AS results
            FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[],
                $5::text[], $6::text[], $7::text[])
                AS t(id, app_version, config_version, has_config, heartbeat, alarms, results)
        ), old AS (
            SELECT d.id, d.alarms FROM device d WHERE d.id IN (SELECT id FROM parsed) ORDER BY d.id FOR UPDATE
        ), updated AS (
            UPDATE device d SET last_seen_at = now(), app_version = p.app_version,
                config_version = p.config_version, last_heartbeat = p.heartbeat, alarms = p.alarms
            FROM parsed p, old o WHERE d.id = p.id AND o.id = p.id
            RETURNING d.id, o.alarms AS before, p.alarms AS after, d.heartbeat_interval_s
        ), events AS (
            INSERT INTO device_event (device_id, kind, raised)
            SELECT u.id, k, true FROM updated u, unnest(u.after) k WHERE NOT k = ANY (u.before)
            UNION ALL
            SELECT u.id, k, false FROM updated u, unnest(u.before) k WHERE NOT k = ANY (u.after)
            RETURNING 1
        ), completed AS (
            UPDATE device_command c SET completed_at = now(), ok = r.ok, detail = r.detail
            FROM parsed p, jsonb_to_recordset(p.results) AS r(id uuid, ok boolean, detail text)
            WHERE c.id = r.id AND c.device_id = p.id AND c.completed_at IS NULL
            RETURNING c.id
        ), pending AS (
            UPDATE device_command c SET sent_at = coalesce(c.sent_at, now())
            FROM parsed p
            WHERE c.device_id = p.id AND c.completed_at IS NULL AND c.deadline > now()
              AND c.id NOT IN (SELECT (r ->> 'id')::uuid FROM jsonb_array_elements(p.results) r)
            RETURNING c.device_id, c.id, c.kind, c.deadline
        ), memberships AS (
            SELECT u.id, device_groups(u.id) AS groups FROM updated u
        ), versions AS MATERIALIZED (
            SELECT groups, groups_config_version(groups) AS version
            FROM (SELECT DISTINCT groups FROM memberships) s
        )
        SELECT u.id, u.heartbeat_interval_s, v.version,
            coalesce((SELECT array_agg(id ORDER BY deadline) FROM pending WHERE device_id = u.id), '{}'),
            coalesce((SELECT array_agg(kind ORDER BY deadline) FROM pending WHERE device_id = u.id), '{}'),
            coalesce((SELECT array_agg(extract(epoch FROM deadline)::float8 ORDER BY deadline)
                      FROM pending WHERE device_id = u.id), '{}'),
            (SELECT count(*) FROM events) + (SELECT count(*) FROM completed)
        FROM updated u JOIN memberships m ON m.id = u.id JOIN versions v ON v.groups = m.groups
        """

    let ids: [String]
    let apps: [String]
    let configs: [String]
    let hasConfig: [Bool]
    let jsons: [String]
    let alarms: [String]
    let results: [String]

    init(_ entries: [HeartbeatStore.Entry]) throws {
        ids = entries.map(\.deviceId)
        apps = entries.map(\.report.appVersion)
        configs = entries.map { $0.report.configVersion ?? "" }
        hasConfig = entries.map { $0.report.configVersion != nil }
        jsons = entries.map(\.json)
        // Alarm names are fixed identifiers (HeartbeatAlarms): no escaping needed.
        alarms = entries.map { entry in
            "[" + HeartbeatAlarms.compute(entry.report, now: entry.now).map { "\"\($0)\"" }.joined(separator: ",") + "]"
        }
        let encoder = JSONEncoder()
        results = try entries.map { entry in
            entry.report.commandResults.isEmpty
                ? "[]" : String(decoding: try encoder.encode(entry.report.commandResults), as: UTF8.self)
        }
    }

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 7)
        bindings.append(ids)
        bindings.append(apps)
        bindings.append(configs)
        bindings.append(hasConfig)
        bindings.append(jsons)
        bindings.append(alarms)
        bindings.append(results)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        let (id, interval, version, commandIds, kinds, deadlines, _) = try row.decode(
            (String, Int, String, [UUID], [String], [Double], Int64).self)
        return (id, interval, version, commandIds, kinds, deadlines)
    }
}
