import Foundation
import Logging
import ServiceLifecycle

/// Deletes what may no longer be kept, once at start-up and then every
/// ``RetentionConfiguration/interval`` (a day) on the injected clock.
///
/// Each run purges audit events older than the configured days (never fewer than 183:
/// 网络安全法 §21), then runs the injected ``RetentionJob``s in order (e.g. personal data
/// of delivered mail requests). A failing job is logged and audited as a failure and does not
/// stop the others or the service. The loop ends on graceful shutdown or cancellation.
package struct RetentionService<C: Clock>: Service where C.Duration == Duration {
    private let database: AppDatabase
    private let configuration: RetentionConfiguration
    private let jobs: [RetentionJob]
    private let terminalId: String
    private let clock: C
    private let now: @Sendable () -> Date
    private let logger: Logger

    /// - Parameters:
    ///   - database: where the audit log (and what the jobs purge) lives.
    ///   - configuration: retention days and the run interval.
    ///   - jobs: further purges, run after the audit purge.
    ///   - terminalId: this kiosk's id, for the audit events of each purge.
    ///   - clock: paces the daily loop (a test clock in tests).
    ///   - now: the wall-clock time the cut-offs are computed from.
    ///   - logger: where runs and failures are logged.
    package init(
        database: AppDatabase, configuration: RetentionConfiguration, jobs: [RetentionJob] = [], terminalId: String,
        clock: C, now: @escaping @Sendable () -> Date = { Date() }, logger: Logger
    ) {
        self.database = database
        self.configuration = configuration
        self.jobs = jobs
        self.terminalId = terminalId
        self.clock = clock
        self.now = now
        self.logger = logger
    }

    package func run() async throws {
        if configuration.wasAuditRetentionRaised {
            logger.warning(
                "Configured audit retention is below the legal minimum; using the minimum",
                metadata: [
                    "retention.configuredDays": "\(configuration.requestedAuditRetentionDays)",
                    "retention.days": "\(configuration.auditRetentionDays)",
                ])
        }
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            await runOnce(now: now())
            do {
                try await cancelWhenGracefulShutdown {
                    try await clock.sleep(for: configuration.interval)
                }
            } catch is CancellationError {
                return
            }
        }
    }

    /// One retention run at `now`: the audit purge, then every job. Never throws: failures are
    /// logged, audited and reported.
    @discardableResult
    package func runOnce(now: Date) async -> RetentionReport {
        let cutoff = now.addingTimeInterval(-Double(configuration.auditRetentionDays) * 86_400)
        var outcomes: [RetentionReport.Outcome] = []
        do {
            let deleted = try await database.purgeAuditEvents(before: cutoff, now: now, terminalId: terminalId)
            outcomes.append(.init(job: AppDatabase.auditPurgeJobName, purged: deleted, failure: nil))
            logger.info(
                "Purged old audit events",
                metadata: ["retention.deleted": "\(deleted)", "retention.days": "\(configuration.auditRetentionDays)"])
        } catch {
            outcomes.append(await failed(AppDatabase.auditPurgeJobName, error, now: now))
        }
        for job in jobs {
            do {
                let purged = try await job.purge(now)
                try await database.recordAudit(
                    AuditEvent(
                        time: now, terminalId: terminalId, event: "retention.purged", outcome: "success",
                        subject: job.name, detail: "purged=\(purged)"))
                outcomes.append(.init(job: job.name, purged: purged, failure: nil))
                logger.info(
                    "Ran retention job", metadata: ["retention.job": "\(job.name)", "retention.purged": "\(purged)"])
            } catch {
                outcomes.append(await failed(job.name, error, now: now))
            }
        }
        return RetentionReport(now: now, auditCutoff: cutoff, outcomes: outcomes)
    }

    /// Logs and audits a failed job; returns its outcome.
    private func failed(_ job: String, _ error: any Error, now: Date) async -> RetentionReport.Outcome {
        let message = String(describing: error)
        logger.error("Retention job failed", metadata: ["retention.job": "\(job)", "error": "\(message)"])
        do {
            try await database.recordAudit(
                AuditEvent(
                    time: now, terminalId: terminalId, event: "retention.purged", outcome: "failure", subject: job,
                    detail: String(message.prefix(200))))
        } catch {
            logger.error("Cannot audit a failed retention job", metadata: ["error": "\(error)"])
        }
        return RetentionReport.Outcome(job: job, purged: nil, failure: message)
    }
}
