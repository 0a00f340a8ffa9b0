import Foundation
import Hummingbird
import PostgresNIO
import Synchronization

/// 设备总览: counts per region (and per site inside a chosen region) and the kiosks, filtered by
/// region, site and state, paged by device id.
enum FleetRoutes {
    static func register(on router: Router<ConsoleRequestContext>, environment: ConsoleEnvironment) {
        let summaries = FleetSummaryCache()
        router.get("/") { _, _ in Response.redirect(to: "/devices", type: .found) }
        router.get("/devices") { request, context -> Response in
            let staff = try context.require(.viewFleet)
            let filter = FleetFilter(request.uri.queryParameters)
            let page = try await FleetPage.load(
                filter: filter, staff: staff, database: environment.database, summaries: summaries)
            return environment.templates.render(page)
        }
    }
}

/// The overview's filters, from the query string.
struct FleetFilter: Sendable {
    var region: String
    var site: String
    /// `online`, `offline`, `alarm`, `never` or empty (all).
    var state: String
    var after: String

    init(_ query: Parameters) {
        region = query["region"].map(String.init) ?? ""
        site = query["site"].map(String.init) ?? ""
        let state = query["state"].map(String.init) ?? ""
        self.state = ["online", "offline", "alarm", "never"].contains(state) ? state : ""
        after = query["after"].map(String.init) ?? ""
    }

    var query: [(String, String)] { [("region", region), ("site", site), ("state", state)] }
}

/// The 设备总览 page.
struct FleetPage: ConsolePage {
    let template = "devices"
    let layout: ConsoleLayout
    let filter: FilterView
    let summaries: [Summary]
    let summaryTitle: String
    let totals: Summary
    let devices: [Row]
    let nextPage: String?
    let empty: Bool

    struct FilterView: Sendable {
        let region: String
        let site: String
        let states: [Option]
    }

    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Summary: Sendable {
        let key: String
        let link: String
        let total: Int
        let online: Int
        let offline: Int
        let alarm: Int
        let never: Int
    }

    struct Row: Sendable {
        let id: String
        let link: String
        let site: String
        let region: String
        let lastSeen: String
        let paper: String
        let reader: String
        let outbox: String
        let lag: String
        let alarms: String
        let stateLabel: String
        let stateClass: String
    }

    static func load(
        filter: FleetFilter, staff: StaffSession, database: GatewayDatabase, summaries cache: FleetSummaryCache
    ) async throws -> FleetPage {
        let groupBySite = !filter.region.isEmpty
        let summaries = try await cache.summaries(region: filter.region) {
            try await summaryRows(region: filter.region, database: database)
        }
        let totals = Summary(
            key: "合计", link: "/devices", total: summaries.map(\.total).reduce(0, +),
            online: summaries.map(\.online).reduce(0, +), offline: summaries.map(\.offline).reduce(0, +),
            alarm: summaries.map(\.alarm).reduce(0, +), never: summaries.map(\.never).reduce(0, +))
        let limit = ConsolePaging.pageSize + 1
        let deviceRows = try await database.rows(
            """
            SELECT id, site_id, region_code, last_seen_at, alarms,
                last_heartbeat -> 'printers' -> 0 ->> 'paper', last_heartbeat -> 'reader' ->> 'state',
                (last_heartbeat -> 'outbox' ->> 'pending')::int, (last_heartbeat -> 'outbox' ->> 'deadLettered')::int,
                (last_heartbeat -> 'replica' ->> 'lagS')::int
            FROM device
            WHERE revoked_at IS NULL AND id > \(filter.after)
              AND (\(filter.region) = '' OR region_code = \(filter.region))
              AND (\(filter.site) = '' OR site_id = \(filter.site))
              AND CASE \(filter.state)
                    WHEN 'online' THEN last_seen_at IS NOT NULL AND cardinality(alarms) = 0
                    WHEN 'offline' THEN 'offline' = ANY (alarms)
                    WHEN 'alarm' THEN cardinality(alarms) > 0 AND NOT 'offline' = ANY (alarms)
                    WHEN 'never' THEN last_seen_at IS NULL
                    ELSE true END
            ORDER BY id LIMIT \(limit)
            """)
        var devices: [Row] = []
        for row in deviceRows.prefix(ConsolePaging.pageSize) {
            let (id, site, region, lastSeen, alarms, paper, reader, pending, dead, lag) = try row.decode(
                (String, String, String, Date?, [String], String?, String?, Int?, Int?, Int?).self)
            let (label, cssClass) = stateOf(lastSeen: lastSeen, alarms: alarms)
            devices.append(
                Row(
                    id: id, link: "/devices/\(ConsolePaging.escape(id))", site: site, region: region,
                    lastSeen: ConsoleLabels.time(lastSeen), paper: ConsoleLabels.paper(paper),
                    reader: ConsoleLabels.reader(reader),
                    outbox: pending.map { "\($0)" + ((dead ?? 0) > 0 ? "（死信 \(dead ?? 0)）" : "") } ?? "—",
                    lag: lag.map { "\($0) 秒" } ?? "—",
                    alarms: alarms.map(ConsoleLabels.alarm).joined(separator: "、"), stateLabel: label,
                    stateClass: cssClass))
        }
        let states: [(String, String)] = [
            ("", "全部"), ("online", "在线"), ("alarm", "告警"), ("offline", "离线"), ("never", "未上线"),
        ]
        return FleetPage(
            layout: ConsoleLayout(title: "设备总览", staff: staff, path: "/devices"),
            filter: FilterView(
                region: filter.region, site: filter.site,
                states: states.map { Option(value: $0.0, label: $0.1, selected: $0.0 == filter.state) }),
            summaries: summaries, summaryTitle: groupBySite ? "站点" : "区划", totals: totals, devices: devices,
            nextPage: ConsolePaging.nextLink(
                path: "/devices", query: filter.query, lastKey: devices.last?.id,
                hasMore: deviceRows.count > ConsolePaging.pageSize),
            empty: devices.isEmpty)
    }

    /// Counts per region, or per site of one region: one pass over the fleet's rows.
    static func summaryRows(region: String, database: GatewayDatabase) async throws -> [Summary] {
        let groupBySite = !region.isEmpty
        let rows = try await database.rows(
            """
            SELECT CASE WHEN \(groupBySite) THEN site_id ELSE region_code END AS key, count(*),
                count(*) FILTER (WHERE last_seen_at IS NOT NULL AND cardinality(alarms) = 0),
                count(*) FILTER (WHERE 'offline' = ANY (alarms)),
                count(*) FILTER (WHERE cardinality(alarms) > 0 AND NOT 'offline' = ANY (alarms)),
                count(*) FILTER (WHERE last_seen_at IS NULL)
            FROM device
            WHERE revoked_at IS NULL AND (\(region) = '' OR region_code = \(region))
            GROUP BY 1 ORDER BY 1 LIMIT 500
            """)
        return try rows.map { row in
            let (key, total, online, offline, alarm, never) = try row.decode((String, Int, Int, Int, Int, Int).self)
            let link =
                groupBySite
                ? "/devices?region=\(ConsolePaging.escape(region))&site=\(ConsolePaging.escape(key))"
                : "/devices?region=\(ConsolePaging.escape(key))"
            return Summary(
                key: key, link: link, total: total, online: online, offline: offline, alarm: alarm, never: never)
        }
    }

    /// The state word and CSS class of one kiosk.
    static func stateOf(lastSeen: Date?, alarms: [String]) -> (String, String) {
        if lastSeen == nil { return ("未上线", "never") }
        if alarms.contains("offline") { return ("离线", "offline") }
        if !alarms.isEmpty { return ("告警", "alarm") }
        return ("在线", "online")
    }
}

/// The overview's counts, kept for ``timeToLive`` per region filter on each replica: counting a
/// 30,000-kiosk fleet reads every device row (about 30 ms), the page's list is an index range.
final class FleetSummaryCache: Sendable {
    static let timeToLive: Duration = .seconds(5)
    private let entries = Mutex<[String: (at: ContinuousClock.Instant, summaries: [FleetPage.Summary])]>([:])

    func summaries(
        region: String, compute: () async throws -> [FleetPage.Summary]
    ) async throws -> [FleetPage.Summary] {
        let now = ContinuousClock.now
        if let entry = entries.withLock({ $0[region] }), now - entry.at < Self.timeToLive { return entry.summaries }
        let summaries = try await compute()
        entries.withLock { entries in
            if entries.count > 1000 { entries.removeAll() }
            entries[region] = (now, summaries)
        }
        return summaries
    }
}
