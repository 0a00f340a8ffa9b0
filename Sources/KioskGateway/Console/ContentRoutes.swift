import Foundation
import Hummingbird
import KioskCore
import PostgresNIO

/// 公告与配置: per device group, the current and coming announcements and the configuration
/// versions, with the forms to add either. Kiosks see a change at their next config fetch (the
/// version, and so the ETag, changes in the same transaction).
enum ContentRoutes {
    /// Longest announcement (the column's check; one home-screen line pair at 80 columns).
    static let maximumAnnouncement = 200

    static func register(on router: Router<ConsoleRequestContext>, environment: ConsoleEnvironment) {
        router.get("/content") { _, context -> Response in
            let staff = try context.require(.manageContent)
            return environment.templates.render(
                try await ContentPage.load(staff: staff, database: environment.database))
        }
        router.post("/content/announcements") { request, context -> Response in
            let staff = try context.require(.manageContent)
            let form = try await ConsoleForm.read(request, checkedFor: staff)
            let text = form["text"]
            guard (1...maximumAnnouncement).contains(text.count) else {
                throw ConsoleRefusal.badInput("公告内容应为 1–\(maximumAnnouncement) 个字。")
            }
            guard !text.unicodeScalars.contains(where: ContentRoutes.isRefused) else {
                throw ConsoleRefusal.badInput("公告内容含有控制字符或方向控制字符，请删除后再提交。")
            }
            guard let from = ContentRoutes.localTime(form["validFrom"]),
                let to = ContentRoutes.localTime(form["validTo"]),
                to > from
            else { throw ConsoleRefusal.badInput("请填写有效的起止时间（结束晚于开始）。") }
            let group = form["group"]
            try await environment.database.transaction { connection in
                let rows = try await connection.rows(
                    """
                    INSERT INTO announcement (group_id, text, valid_from, valid_to, created_by)
                    SELECT id, \(text), \(from), \(to), \(staff.name) FROM device_group WHERE id = \(group)
                    RETURNING id
                    """, logger: environment.database.logger)
                guard let id = try rows.first?.decode(Int64.self) else { throw ConsoleRefusal.notFound("该终端分组") }
                _ = try await connection.rows(
                    """
                    INSERT INTO audit_log (actor, action, target, detail)
                    VALUES (\(staff.name), 'announcement.add', \(group), \("announcement \(id)"))
                    """, logger: environment.database.logger)
            }
            return .redirect(to: "/content", type: .normal)
        }
        router.post("/content/config") { request, context -> Response in
            let staff = try context.require(.manageContent)
            let form = try await ConsoleForm.read(request, checkedFor: staff)
            let settings = form["settings"]
            guard settings.utf8.count <= 16 * 1024,
                let object = try? JSONSerialization.jsonObject(with: Data(settings.utf8)) as? [String: Any]
            else { throw ConsoleRefusal.badInput("配置应为一个 JSON 对象（不超过 16 KB），例如 {\"idle_timeout_s\": 90}。") }
            let canonical = String(
                decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
            let group = form["group"]
            try await environment.database.transaction { connection in
                let rows = try await connection.rows(
                    """
                    INSERT INTO config_version (group_id, version, settings, created_by)
                    SELECT g.id, coalesce((SELECT max(version) FROM config_version c WHERE c.group_id = g.id), 0) + 1,
                        \(canonical)::jsonb, \(staff.name)
                    FROM device_group g WHERE g.id = \(group)
                    RETURNING version
                    """, logger: environment.database.logger)
                guard let version = try rows.first?.decode(Int.self) else { throw ConsoleRefusal.notFound("该终端分组") }
                _ = try await connection.rows(
                    """
                    INSERT INTO audit_log (actor, action, target, detail)
                    VALUES (\(staff.name), 'config.publish', \(group), \("version \(version)"))
                    """, logger: environment.database.logger)
            }
            return .redirect(to: "/content", type: .normal)
        }
    }

    /// Control characters (but not the space) and bidirectional formatting characters.
    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            || scalar.value == 0x200E || scalar.value == 0x200F || scalar.value == 0x061C
    }

    /// A `datetime-local` value (`2026-12-03T08:00`) read as China time.
    static func localTime(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: ChinaTime.offset)
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}

/// The 公告与配置 page.
struct ContentPage: ConsolePage {
    let template = "content"
    let layout: ConsoleLayout
    let groups: [Group]

    struct Group: Sendable {
        let id: String
        let name: String
        let devices: Int
        let configVersion: String
        let settings: String
        let announcements: [Notice]
    }

    struct Notice: Sendable {
        let text: String
        let validFrom: String
        let validTo: String
        let current: Bool
    }

    static func load(staff: StaffSession, database: GatewayDatabase) async throws -> ContentPage {
        let groupRows = try await database.rows(
            """
            SELECT g.id, g.name,
                CASE WHEN g.id = 'default' THEN (SELECT count(*) FROM device WHERE revoked_at IS NULL)
                     ELSE (SELECT count(*) FROM device_group_member m WHERE m.group_id = g.id) END,
                c.version, c.settings::text
            FROM device_group g
            LEFT JOIN LATERAL (SELECT version, settings FROM config_version v WHERE v.group_id = g.id
                               ORDER BY version DESC LIMIT 1) c ON true
            ORDER BY g.id <> 'default', g.id LIMIT 200
            """)
        let notices = try await database.rows(
            """
            SELECT group_id, text, valid_from, valid_to, valid_from <= now() FROM announcement
            WHERE valid_to > now() ORDER BY valid_from LIMIT 500
            """
        ).map { row in
            let (group, text, from, to, current) = try row.decode((String, String, Date, Date, Bool).self)
            return (
                group,
                Notice(
                    text: text, validFrom: ConsoleLabels.time(from), validTo: ConsoleLabels.time(to), current: current)
            )
        }
        let groups = try groupRows.map { row in
            let (id, name, devices, version, settings) = try row.decode((String, String, Int, Int?, String?).self)
            return Group(
                id: id, name: name.isEmpty ? id : name, devices: devices,
                configVersion: version.map { "第 \($0) 版" } ?? "无",
                settings: settings ?? "{}", announcements: notices.filter { $0.0 == id }.map(\.1))
        }
        return ContentPage(layout: ConsoleLayout(title: "公告与配置", staff: staff, path: "/content"), groups: groups)
    }
}
