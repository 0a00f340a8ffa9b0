import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle

/// Purges a mail request's personal data (recipient name, phone, address) a configured number of
/// days after it was handed over to the postal service (`retention.mail_personal_data_days`), as
/// the kiosk does for its own copy. The request itself stays (case number, status, waybill, region)
/// so the queue, the audit log and the kiosk's status feed still make sense; the console shows
/// 已清除 where the data was.
struct MailRetention: Sendable {
    let database: GatewayDatabase
    let days: Int

    /// One purge at `now` (injected); returns how many requests lost their personal data.
    @discardableResult
    func purge(now: Date) async throws -> Int {
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
        return try await database.transaction { connection in
            let rows = try await connection.rows(
                """
                UPDATE mail_request SET recipient_name = NULL, phone = NULL, address = NULL,
                    personal_data_purged_at = \(now)
                WHERE handed_over_at < \(cutoff) AND personal_data_purged_at IS NULL
                RETURNING id
                """, logger: database.logger)
            if !rows.isEmpty {
                let detail = "\(rows.count) requests handed over more than \(days) days ago"
                _ = try await connection.rows(
                    """
                    INSERT INTO audit_log (actor, action, detail)
                    VALUES ('kiosk-gateway', 'mail.purge-personal-data', \(detail))
                    """, logger: database.logger)
            }
            return rows.count
        }
    }
}

/// Runs ``MailRetention`` every hour (and at start); each run is one statement, so two replicas
/// running it at once purge each request once.
struct MailRetentionService: Service {
    let retention: MailRetention
    let logger: Logger
    var interval: Duration = .seconds(3600)

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let purged = try await retention.purge(now: Date())
                if purged > 0 { logger.info("mail personal data purged", metadata: ["requests": "\(purged)"]) }
            } catch {
                logger.warning("mail retention failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
