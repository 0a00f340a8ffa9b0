import Foundation
import Hummingbird
import KioskCore
import PostgresNIO

/// 邮寄队列: the requests to hand over to the postal service, with the waybill form, and the CSV
/// export in exactly the columns and quoting of `kiosk mail export --format csv` (the same
/// ``MailExportRow`` and ``CSVWriter``). Viewers see names, phones and addresses masked.
enum MailQueueRoutes {
    static func register(on router: Router<ConsoleRequestContext>, environment: ConsoleEnvironment) {
        router.get("/mail") { request, context -> Response in
            let staff = try context.require(.viewMailMasked)
            let filter = MailFilter(request.uri.queryParameters)
            let page = try await MailQueuePage.load(filter: filter, staff: staff, database: environment.database)
            return environment.templates.render(page)
        }
        router.get("/mail/export.csv") { request, context -> Response in
            let staff = try context.require(.handleMail)
            let filter = MailFilter(request.uri.queryParameters)
            let rows = try await MailQueue(database: environment.database).exportRows(status: filter.status)
            try await environment.database.execute(
                """
                INSERT INTO audit_log (actor, action, target, detail)
                VALUES (\(staff.name), 'mail.export', \(filter.status.isEmpty ? "all" : filter.status),
                    \("\(rows.count) requests"))
                """)
            var headers = HTTPFields()
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"mail-requests.csv\""
            return Response(
                status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: MailExportRow.csv(rows))))
        }
        router.post("/mail/:id/handover") { request, context -> Response in
            let staff = try context.require(.handleMail)
            guard let id = Int64(try context.parameters.require("id")) else { throw ConsoleRefusal.notFound("该邮寄申请") }
            let form = try await ConsoleForm.read(request, checkedFor: staff)
            guard let waybill = MailFieldRules.waybill(form["waybill"]) else {
                throw ConsoleRefusal.badInput("运单号应为 5–40 位字母或数字。")
            }
            try await MailQueue(database: environment.database).handOver(id: id, waybill: waybill, actor: staff.name)
            return .redirect(to: "/mail", type: .normal)
        }
    }
}

/// The queue's status filter: `requested` (default, the clerk's to-do list), another status, or
/// `all`.
struct MailFilter: Sendable {
    /// A stored status, or empty for all.
    var status: String
    var after: String

    init(_ query: Parameters) {
        let status = query["status"].map(String.init) ?? "requested"
        let known = ["requested", "posted", "inTransit", "outForDelivery", "delivered", "undeliverable", "returned"]
        self.status = known.contains(status) ? status : ""
        after = query["after"].map(String.init) ?? ""
    }
}

/// The queue's reads and the hand-over.
struct MailQueue: Sendable {
    let database: GatewayDatabase

    /// Every request with `status` (empty: all), oldest first, with full recipient data.
    func exportRows(status: String) async throws -> [MailExportRow] {
        try await database.rows(
            """
            SELECT id, case_number, status, coalesce(recipient_name, ''), coalesce(phone, ''), region_code,
                coalesce(address, ''), postcode, certificate_name, coalesce(waybill_number, ''), requested_at
            FROM mail_request WHERE \(status) = '' OR status = \(status)
            ORDER BY requested_at, id
            """
        ).map { row in
            let (id, number, status, name, phone, region, address, postcode, certificate, waybill, requested) =
                try row.decode(
                    (Int64, String, String, String, String, String, String, String, String, String, Date).self)
            return MailExportRow(
                id: id, caseNumber: number, status: status, recipientName: name, phone: phone, regionCode: region,
                address: address, postcode: postcode, certificateName: certificate, waybillNumber: waybill,
                requestedAt: requested)
        }
    }

    /// 待交寄 → 已交寄 with `waybill`, in one transaction: the request, its status event, the
    /// `mailStatus` change for the kiosk that took it (so the citizen's detail screen shows it),
    /// and the audit row.
    ///
    /// - Throws: ``ConsoleRefusal`` when the request is not waiting for hand-over.
    func handOver(id: Int64, waybill: String, actor: String) async throws {
        let logger = database.logger
        let done = try await database.transaction { connection in
            let rows = try await connection.rows(
                """
                UPDATE mail_request SET status = 'posted', waybill_number = \(waybill), handed_over_at = now(),
                    updated_at = now()
                WHERE id = \(id) AND status = 'requested'
                RETURNING device_id, case_number,
                    (SELECT idempotency_key FROM submission s WHERE s.id = submission_id),
                    jsonb_build_object('status', status, 'waybillNumber', waybill_number,
                        'updatedAt', to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
                """, logger: logger)
            guard let row = rows.first else { return false }
            let (device, caseNumber, key, record) = try row.decode((String, String, String, String).self)
            _ = try await connection.rows(
                """
                INSERT INTO mail_status_event (mail_request_id, status, waybill_number, actor)
                VALUES (\(id), 'posted', \(waybill), \(actor))
                """, logger: logger)
            _ = try await connection.rows(
                """
                INSERT INTO change_log (entity, key, op, version, scope_device, record)
                VALUES ('mailStatus', \(key), 'upsert', nextval('change_seq'), \(device), \(record)::jsonb)
                """, logger: logger)
            _ = try await connection.rows(
                """
                INSERT INTO audit_log (actor, action, target, detail)
                VALUES (\(actor), 'mail.handover', \(caseNumber), \("waybill \(waybill)"))
                """, logger: logger)
            return true
        }
        guard done else { throw ConsoleRefusal.badInput("该申请不在待交寄状态（可能已由他人交寄）。") }
    }
}

/// The 邮寄队列 page.
struct MailQueuePage: ConsolePage {
    let template = "mail"
    let layout: ConsoleLayout
    let statuses: [FleetPage.Option]
    let rows: [Row]
    let canHandle: Bool
    let exportLink: String
    let nextPage: String?
    let empty: Bool

    struct Row: Sendable {
        let id: Int64
        let caseNumber: String
        let certificate: String
        let recipient: String
        let phone: String
        let address: String
        let regionCode: String
        let requestedAt: String
        let device: String
        let status: String
        let waybill: String
        let awaitsHandOver: Bool
    }

    static func load(filter: MailFilter, staff: StaffSession, database: GatewayDatabase) async throws -> MailQueuePage {
        let full = staff.role.allows(.handleMail)
        let after = Int64(filter.after) ?? 0
        let limit = ConsolePaging.pageSize + 1
        let found = try await database.rows(
            """
            SELECT id, case_number, certificate_name, recipient_name, phone, address, region_code, requested_at,
                device_id, status, coalesce(waybill_number, '')
            FROM mail_request WHERE id > \(after) AND (\(filter.status) = '' OR status = \(filter.status))
            ORDER BY id LIMIT \(limit)
            """)
        var rows: [Row] = []
        for row in found.prefix(ConsolePaging.pageSize) {
            let (id, number, certificate, name, phone, address, region, requested, device, status, waybill) =
                try row.decode(
                    (Int64, String, String, String?, String?, String?, String, Date, String, String, String).self)
            let purged = "(已清除)"
            rows.append(
                Row(
                    id: id, caseNumber: number, certificate: certificate,
                    recipient: name.map { full ? $0 : Masking.name($0) } ?? purged,
                    phone: phone.map { full ? $0 : Masking.phone($0) } ?? purged,
                    address: address.map { full ? $0 : Masking.address($0) } ?? purged, regionCode: region,
                    requestedAt: ConsoleLabels.time(requested), device: device,
                    status: ConsoleLabels.mailStatus(status), waybill: waybill,
                    awaitsHandOver: full && status == "requested"))
        }
        let options: [(String, String)] = [
            ("requested", "待交寄"), ("posted", "已交寄"), ("delivered", "已签收"), ("returned", "已退回"), ("all", "全部"),
        ]
        let selected = filter.status.isEmpty ? "all" : filter.status
        return MailQueuePage(
            layout: ConsoleLayout(title: "邮寄队列", staff: staff, path: "/mail"),
            statuses: options.map { FleetPage.Option(value: $0.0, label: $0.1, selected: $0.0 == selected) },
            rows: rows, canHandle: full, exportLink: "/mail/export.csv?status=\(selected)",
            nextPage: ConsolePaging.nextLink(
                path: "/mail", query: [("status", selected)], lastKey: rows.last.map { String($0.id) },
                hasMore: found.count > ConsolePaging.pageSize),
            empty: rows.isEmpty)
    }
}
