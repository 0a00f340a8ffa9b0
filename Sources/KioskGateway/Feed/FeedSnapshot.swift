import Foundation
import KioskProtocol
import PostgresNIO

/// `GET /v1/device/snapshot`: every current record in the device's scope, paged by key — its
/// city's 办件 (`case_file`), every service item, and the statuses of its own mail requests.
///
/// The first page fixes C0 = (the snapshot's xmin, 0): every transaction behind it has ended, so
/// its effect is in every later page; anything after it comes from the feed, which the last page's
/// cursor (C0) continues from. A record changed while paging may arrive twice (page and feed);
/// the kiosk keeps the newer version.
struct FeedSnapshot: Sendable {
    let database: GatewayDatabase
    var pageSize = 500

    func page(token: String?, deviceId: String) async throws -> SnapshotPage {
        let epoch = try await FeedReader(database: database).currentEpoch()
        var position: SnapshotToken
        if let token, !token.isEmpty {
            guard let parsed = SnapshotToken(token: token) else {
                throw FeedCursorGone(reason: "unparsable page token")
            }
            guard parsed.epoch == epoch.id else { throw FeedCursorGone(reason: "page token from another feed epoch") }
            position = parsed
        } else {
            let rows = try await database.rows("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")
            let xmin = UInt64(try rows[0].decode(String.self)) ?? 0
            position = SnapshotToken(epoch: epoch.id, startXid: xmin, part: .caseFile, afterKey: "")
        }
        var records: [Change] = []
        while true {
            let wanted = pageSize - records.count
            let batch = try await read(position.part, after: position.afterKey, deviceId: deviceId, limit: wanted + 1)
            records += batch.prefix(wanted)
            if batch.count > wanted {
                let last = records.last?.key ?? position.afterKey
                let next = SnapshotToken(
                    epoch: epoch.id, startXid: position.startXid, part: position.part, afterKey: last)
                return SnapshotPage(records: records, nextPage: next.token, cursor: nil)
            }
            guard let nextPart = SnapshotToken.Part(rawValue: position.part.rawValue + 1) else { break }
            position = SnapshotToken(epoch: epoch.id, startXid: position.startXid, part: nextPart, afterKey: "")
            if records.count == pageSize {
                return SnapshotPage(records: records, nextPage: position.token, cursor: nil)
            }
        }
        let cursor = FeedCursor(epoch: epoch.id, xid: position.startXid, seq: 0)
        return SnapshotPage(records: records, nextPage: nil, cursor: cursor.token)
    }

    private func read(_ part: SnapshotToken.Part, after key: String, deviceId: String, limit: Int) async throws
        -> [Change]
    {
        let rows: [PostgresRow]
        switch part {
        case .caseFile:
            rows = try await database.rows(
                """
                SELECT 'caseFile', c.number, c.version, c.record::text
                FROM case_file c JOIN device d ON d.id = \(deviceId)
                WHERE left(c.region_code, 4) = left(d.region_code, 4) AND c.number > \(key)
                ORDER BY c.number LIMIT \(limit)
                """)
        case .serviceItem:
            rows = try await database.rows(
                """
                SELECT 'serviceItem', code, version, record::text FROM service_item
                WHERE code > \(key) ORDER BY code LIMIT \(limit)
                """)
        case .mailStatus:
            rows = try await database.rows(
                """
                SELECT 'mailStatus', s.idempotency_key,
                    coalesce((SELECT max(version) FROM change_log l
                              WHERE l.entity = 'mailStatus' AND l.key = s.idempotency_key
                                AND l.scope_device = m.device_id), 0),
                    jsonb_build_object('status', m.status, 'waybillNumber', m.waybill_number,
                        'updatedAt', to_char(m.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
                FROM mail_request m JOIN submission s ON s.id = m.submission_id
                WHERE m.device_id = \(deviceId) AND s.idempotency_key > \(key)
                ORDER BY s.idempotency_key LIMIT \(limit)
                """)
        }
        return try rows.map { row in
            let (entity, key, version, record) = try row.decode((String, String, Int64, String).self)
            return try FeedReader.change(entity: entity, key: key, op: "upsert", version: version, record: record)
        }
    }
}
