import Foundation
import Hummingbird
import PostgresNIO

/// 审计: the append-only audit log, newest first, paged by id.
enum AuditRoutes {
    static func register(on router: Router<ConsoleRequestContext>, environment: ConsoleEnvironment) {
        router.get("/audit") { request, context -> Response in
            let staff = try context.require(.viewAudit)
            let before = Int64(request.uri.queryParameters["before"].map(String.init) ?? "") ?? Int64.max
            let actor = request.uri.queryParameters["actor"].map(String.init) ?? ""
            let limit = ConsolePaging.pageSize + 1
            let found = try await environment.database.rows(
                """
                SELECT id, at, actor, action, target, detail FROM audit_log
                WHERE id < \(before) AND (\(actor) = '' OR actor = \(actor))
                ORDER BY id DESC LIMIT \(limit)
                """)
            let rows = try found.prefix(ConsolePaging.pageSize).map { row in
                let (id, at, actor, action, target, detail) = try row.decode(
                    (Int64, Date, String, String, String, String).self)
                return AuditPage.Row(
                    id: id, at: ConsoleLabels.time(at), actor: actor, action: action, target: target, detail: detail)
            }
            let next =
                found.count > ConsolePaging.pageSize
                ? rows.last.map {
                    "/audit?before=\($0.id)" + (actor.isEmpty ? "" : "&actor=\(ConsolePaging.escape(actor))")
                } : nil
            return environment.templates.render(
                AuditPage(
                    layout: ConsoleLayout(title: "审计", staff: staff, path: "/audit"), actor: actor, rows: rows,
                    nextPage: next, empty: rows.isEmpty))
        }
    }
}

/// The 审计 page.
struct AuditPage: ConsolePage {
    let template = "audit"
    let layout: ConsoleLayout
    let actor: String
    let rows: [Row]
    let nextPage: String?
    let empty: Bool

    struct Row: Sendable {
        let id: Int64
        let at: String
        let actor: String
        let action: String
        let target: String
        let detail: String
    }
}
