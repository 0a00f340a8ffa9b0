import Foundation
import Hummingbird
import KioskProtocol
import PostgresNIO

/// 设备详情: the kiosk's last report, its status history (transitions only), its commands, and for
/// admins the forms to send a command or revoke it.
enum DeviceDetailRoutes {
    /// How long a queued command waits for the kiosk before it lapses.
    static let commandDeadline: TimeInterval = 24 * 3600

    static func register(on router: Router<ConsoleRequestContext>, environment: ConsoleEnvironment) {
        router.get("/devices/:id") { request, context -> Response in
            let staff = try context.require(.viewFleet)
            let id = try context.parameters.require("id")
            let page = try await DevicePage.load(id: id, staff: staff, database: environment.database)
            return environment.templates.render(page)
        }
        router.post("/devices/:id/commands") { request, context -> Response in
            let staff = try context.require(.manageDevices)
            let id = try context.parameters.require("id")
            let form = try await ConsoleForm.read(request, checkedFor: staff)
            guard let kind = KioskProtocol.DeviceCommand.Kind(rawValue: form["kind"]) else {
                throw ConsoleRefusal.badInput("未知的指令类型。")
            }
            let deadline = Date().addingTimeInterval(commandDeadline)
            let queued = try await environment.database.transaction { connection in
                let rows = try await connection.rows(
                    """
                    INSERT INTO device_command (id, device_id, kind, created_by, deadline)
                    SELECT gen_random_uuid(), id, \(kind.rawValue), \(staff.name), \(deadline)
                    FROM device WHERE id = \(id) AND revoked_at IS NULL RETURNING id
                    """, logger: environment.database.logger)
                guard !rows.isEmpty else { return false }
                _ = try await connection.rows(
                    """
                    INSERT INTO audit_log (actor, action, target, detail)
                    VALUES (\(staff.name), 'device.command', \(id), \(kind.rawValue))
                    """, logger: environment.database.logger)
                return true
            }
            guard queued else { throw ConsoleRefusal.notFound("该设备（或已吊销）") }
            return .redirect(to: "/devices/\(ConsolePaging.escape(id))", type: .normal)
        }
        router.post("/devices/:id/revoke") { request, context -> Response in
            let staff = try context.require(.manageDevices)
            let id = try context.parameters.require("id")
            let form = try await ConsoleForm.read(request, checkedFor: staff)
            guard form["confirm"] == id else {
                throw ConsoleRefusal.badInput("请输入设备编号以确认吊销。")
            }
            guard try await DeviceRegistry(database: environment.database).revoke(id: id, actor: staff.name) else {
                throw ConsoleRefusal.notFound("该设备（或已吊销）")
            }
            return .redirect(to: "/devices/\(ConsolePaging.escape(id))", type: .normal)
        }
    }
}

/// The 设备详情 page.
struct DevicePage: ConsolePage {
    let template = "device"
    let layout: ConsoleLayout
    let id: String
    let fields: [Field]
    let alarms: [String]
    let events: [Event]
    let commands: [Command]
    let commandKinds: [Kind]
    let canManage: Bool
    let revoked: Bool
    // Mustache reads stored properties only: these say whether to draw a table at all.
    let hasAlarms: Bool
    let hasCommands: Bool
    let hasEvents: Bool

    struct Field: Sendable {
        let label: String
        let value: String
    }

    struct Event: Sendable {
        let at: String
        let what: String
        let detail: String
    }

    struct Command: Sendable {
        let kind: String
        let createdAt: String
        let createdBy: String
        let state: String
    }

    struct Kind: Sendable {
        let value: String
        let label: String
    }

    static func load(id: String, staff: StaffSession, database: GatewayDatabase) async throws -> DevicePage {
        let rows = try await database.rows(
            """
            SELECT site_id, region_code, enrolled_at, certificate_expires_at, revoked_at, last_seen_at,
                app_version, config_version, alarms, last_heartbeat::text
            FROM device WHERE id = \(id)
            """)
        guard let row = rows.first else { throw ConsoleRefusal.notFound("该设备") }
        let (site, region, enrolled, expires, revoked, lastSeen, app, config, alarms, heartbeatText) = try row.decode(
            (String, String, Date?, Date?, Date?, Date?, String?, String?, [String], String?).self)
        let heartbeat = heartbeatText.flatMap {
            try? ProtocolCoding.decoder().decode(HeartbeatRequest.self, from: Data($0.utf8))
        }
        var fields = [
            Field(label: "站点", value: site), Field(label: "区划", value: region),
            Field(label: "状态", value: revoked != nil ? "已吊销" : FleetPage.stateOf(lastSeen: lastSeen, alarms: alarms).0),
            Field(label: "最后联络", value: ConsoleLabels.time(lastSeen)),
            Field(label: "登记时间", value: ConsoleLabels.time(enrolled)),
            Field(label: "证书到期", value: ConsoleLabels.time(expires)),
            Field(label: "软件版本", value: app ?? "—"), Field(label: "配置版本", value: config ?? "—"),
        ]
        if let heartbeat {
            fields += [
                Field(label: "读卡器", value: ConsoleLabels.reader(heartbeat.reader.state)),
                Field(
                    label: "打印机",
                    value: heartbeat.printers.map { "\($0.name)：\(ConsoleLabels.paper($0.paper.rawValue))" }
                        .joined(separator: "；")),
                Field(label: "磁盘可用", value: String(format: "%.0f%%", heartbeat.disk.freePct)),
                Field(
                    label: "待上送 / 死信", value: "\(heartbeat.outbox.pending) / \(heartbeat.outbox.deadLettered)"),
                Field(label: "数据滞后", value: heartbeat.replica.lagS.map { "\($0) 秒" } ?? "—"),
                Field(label: "今日服务", value: "\(heartbeat.counters.sessions) 人次，凭条 \(heartbeat.counters.receipts) 张"),
            ]
        }
        let events = try await database.rows(
            "SELECT at, kind, raised, detail FROM device_event WHERE device_id = \(id) ORDER BY id DESC LIMIT 50"
        ).map { row in
            let (at, kind, raised, detail) = try row.decode((Date, String, Bool, String).self)
            return Event(
                at: ConsoleLabels.time(at), what: ConsoleLabels.alarm(kind) + (raised ? " 发生" : " 恢复"),
                detail: detail)
        }
        let commands = try await database.rows(
            """
            SELECT kind, created_at, created_by, sent_at, completed_at, ok, detail, deadline < now()
            FROM device_command WHERE device_id = \(id) ORDER BY created_at DESC LIMIT 20
            """
        ).map { row in
            let (kind, created, by, sent, completed, ok, detail, lapsed) = try row.decode(
                (String, Date, String, Date?, Date?, Bool?, String?, Bool).self)
            let state: String =
                if completed != nil {
                    (ok == true ? "已完成" : "失败") + (detail.map { "：\($0)" } ?? "")
                } else if lapsed {
                    "已过期"
                } else if sent != nil {
                    "已下发"
                } else {
                    "等待下发"
                }
            return Command(
                kind: commandLabel(kind), createdAt: ConsoleLabels.time(created), createdBy: by, state: state)
        }
        return DevicePage(
            layout: ConsoleLayout(title: "设备详情 \(id)", staff: staff, path: "/devices"), id: id, fields: fields,
            alarms: alarms.map(ConsoleLabels.alarm), events: events, commands: commands,
            commandKinds: KioskProtocol.DeviceCommand.Kind.allCases.map {
                Kind(value: $0.rawValue, label: commandLabel($0.rawValue))
            },
            canManage: staff.role.allows(.manageDevices) && revoked == nil, revoked: revoked != nil,
            hasAlarms: !alarms.isEmpty, hasCommands: !commands.isEmpty, hasEvents: !events.isEmpty)
    }

    static func commandLabel(_ kind: String) -> String {
        switch kind {
        case "reconnectReader": "重连读卡器"
        case "printTest": "打印测试页"
        case "resync": "重新同步数据"
        case "restartApp": "重启终端程序"
        default: kind
        }
    }
}
