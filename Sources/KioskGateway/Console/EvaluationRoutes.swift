import Foundation
import Hummingbird
import KioskCore
import KioskProtocol
import PostgresNIO

/// 评价: counts per satisfaction level and the export per province adapter, in the columns of
/// `kiosk evaluations export` (the same ``EvaluationExportRow``). Callback phones are personal
/// data: the page masks them, the export (admins only) carries them.
enum EvaluationRoutes {
    static func register(on router: Router<ConsoleRequestContext>, environment: ConsoleEnvironment) {
        router.get("/evaluations") { request, context -> Response in
            let staff = try context.require(.exportEvaluations)
            let page = try await EvaluationsPage.load(
                after: Int64(request.uri.queryParameters["after"].map(String.init) ?? "") ?? 0, staff: staff,
                database: environment.database)
            return environment.templates.render(page)
        }
        router.get("/evaluations/export.csv") { request, context -> Response in
            let staff = try context.require(.exportEvaluations)
            let name = request.uri.queryParameters["adapter"].map(String.init) ?? EvaluationCodeAdapter.national.name
            guard let codes = EvaluationCodeAdapter.named(name) else {
                throw ConsoleRefusal.badInput("未知的省级接口：\(name)。")
            }
            let rows = try await EvaluationExport(database: environment.database).rows(codes: codes)
            try await environment.database.execute(
                """
                INSERT INTO audit_log (actor, action, target, detail)
                VALUES (\(staff.name), 'evaluations.export', \(name), \("\(rows.count) ratings"))
                """)
            var headers = HTTPFields()
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"evaluations-\(name).csv\""
            return Response(
                status: .ok, headers: headers,
                body: .init(byteBuffer: ByteBuffer(string: EvaluationExportRow.csv(rows))))
        }
    }
}

/// Ratings as the kiosk stored them (`evaluation.record`), numbered by the gateway.
struct EvaluationExport: Sendable {
    let database: GatewayDatabase

    /// Every rating in the order of `kiosk evaluations export` (rated, then id), coded by `codes`.
    func rows(codes: EvaluationCodeAdapter) async throws -> [EvaluationExportRow] {
        try await evaluations("SELECT id, record::text FROM evaluation ORDER BY rated_at, id").map {
            EvaluationExportRow($0, codes: codes)
        }
    }

    /// Ratings with a gateway id above `after`, at most `limit`.
    func evaluations(after: Int64, limit: Int) async throws -> [Evaluation] {
        try await evaluations(
            "SELECT id, record::text FROM evaluation WHERE id > \(after) ORDER BY id LIMIT \(limit)")
    }

    /// The ratings `query` selects as `(id, record)`, numbered by the gateway.
    private func evaluations(_ query: PostgresQuery) async throws -> [Evaluation] {
        let decoder = ProtocolCoding.decoder()
        return try await database.rows(query).map { row in
            let (id, record) = try row.decode((Int64, String).self)
            var evaluation = try decoder.decode(Evaluation.self, from: Data(record.utf8))
            evaluation.id = id
            return evaluation
        }
    }
}

/// The 评价 page.
struct EvaluationsPage: ConsolePage {
    let template = "evaluations"
    let layout: ConsoleLayout
    let levels: [Level]
    let rows: [Row]
    let adapters: [String]
    let nextPage: String?
    let empty: Bool

    struct Level: Sendable {
        let name: String
        let count: Int
    }

    struct Row: Sendable {
        let caseNumber: String
        let level: String
        let reasons: String
        let callbackPhone: String
        let ratedAt: String
        let regionCode: String
    }

    static func load(after: Int64, staff: StaffSession, database: GatewayDatabase) async throws -> EvaluationsPage {
        let counts = try await database.rows("SELECT level, count(*) FROM evaluation GROUP BY level").reduce(
            into: [Int: Int]()
        ) { result, row in
            let (level, count) = try row.decode((Int, Int).self)
            result[level] = count
        }
        let levels = SatisfactionLevel.bestFirst.map { Level(name: $0.chineseName, count: counts[$0.levelNumber] ?? 0) }
        let found = try await EvaluationExport(database: database).evaluations(
            after: after, limit: ConsolePaging.pageSize + 1)
        let rows = found.prefix(ConsolePaging.pageSize).map {
            Row(
                caseNumber: $0.caseNumber, level: $0.level.chineseName, reasons: $0.reasons.joined(separator: "、"),
                callbackPhone: $0.callbackPhone.map(Masking.phone) ?? "", ratedAt: $0.ratedAtText,
                regionCode: $0.regionCode)
        }
        return EvaluationsPage(
            layout: ConsoleLayout(title: "评价", staff: staff, path: "/evaluations"), levels: levels, rows: rows,
            adapters: [EvaluationCodeAdapter.national.name, EvaluationCodeAdapter.zhejiang.name],
            nextPage: ConsolePaging.nextLink(
                path: "/evaluations", query: [],
                lastKey: found.prefix(ConsolePaging.pageSize).last?.id.map(String.init),
                hasMore: found.count > ConsolePaging.pageSize),
            empty: rows.isEmpty)
    }
}
