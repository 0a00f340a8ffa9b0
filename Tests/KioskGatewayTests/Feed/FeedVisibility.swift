import Foundation
import PostgresNIO

@testable import KioskGateway

/// The feed delivers a row only once every older transaction of the whole cluster has ended, and
/// other suites run transactions on the same cluster at the same time. Tests that expect their own
/// committed rows to be readable wait (bounded) until every transaction started before now ended.
enum FeedVisibility {
    static func settle(_ database: GatewayDatabase) async throws {
        let rows = try await database.rows("SELECT pg_snapshot_xmax(pg_current_snapshot())::text")
        let target = UInt64(try rows[0].decode(String.self)) ?? 0
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            let now = try await database.rows("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")
            if (UInt64(try now[0].decode(String.self)) ?? 0) >= target { return }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw SettleTimeout()
    }

    struct SettleTimeout: Error {}
}
