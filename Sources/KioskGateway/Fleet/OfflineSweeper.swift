import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle

/// Marks devices offline (no heartbeat for 3 × interval + 30 s): adds `offline` to their alarms and
/// writes one raised event, in one `UPDATE … RETURNING` statement, so two replicas never write it
/// twice. The next heartbeat clears it (its alarms never contain `offline`).
struct OfflineSweeper: Sendable {
    let database: GatewayDatabase

    /// One sweep at `now` (injected); returns the devices newly marked offline.
    @discardableResult
    func sweep(now: Date) async throws -> [String] {
        let rows = try await database.rows(
            """
            WITH marked AS (
                UPDATE device SET alarms = array_append(alarms, 'offline')
                WHERE revoked_at IS NULL AND last_seen_at IS NOT NULL
                  AND last_seen_at < \(now) - make_interval(secs => 3 * heartbeat_interval_s + 30)
                  AND NOT 'offline' = ANY (alarms)
                RETURNING id
            )
            INSERT INTO device_event (device_id, kind, raised) SELECT id, 'offline', true FROM marked
            RETURNING device_id
            """)
        return try rows.map { try $0.decode(String.self) }
    }
}

/// Runs ``OfflineSweeper`` every 15 s.
struct OfflineSweeperService: Service {
    let sweeper: OfflineSweeper
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await sweeper.sweep(now: Date())
            } catch {
                logger.warning("offline sweep failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(15)) }
        }
    }
}
