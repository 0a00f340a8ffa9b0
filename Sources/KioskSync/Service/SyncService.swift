import Foundation
import KioskCore
import KioskProtocol
import Logging
import ServiceLifecycle

/// The sync process's one loop: heartbeat, replica pull, outbox delivery and configuration, each on
/// its own schedule (the gateway's intervals, jittered), each with its own backoff. One delivery
/// loop at a time by construction.
///
/// Time is injected: `clock` sleeps, `now` stamps; tests drive both.
package struct SyncService<C: Clock<Duration>>: Service {
    package struct Settings: Sendable {
        /// Until the first heartbeat answer says otherwise.
        package var heartbeatInterval: Duration = .seconds(60)
        package var pullInterval: Duration = .seconds(60)
        /// How often the outbox is looked at for new rows while idle (a local SQLite query).
        package var outboxPollInterval: Duration = .seconds(2)
        package var backoff = Backoff()

        package init() {}
    }

    let database: AppDatabase
    let client: GatewayClient
    let identity: DeviceIdentity
    let stateDirectory: String
    let settings: Settings
    let clock: C
    let now: @Sendable () -> Date
    let logger: Logger

    package init(
        database: AppDatabase, client: GatewayClient, identity: DeviceIdentity, stateDirectory: String,
        settings: Settings = Settings(), clock: C, now: @escaping @Sendable () -> Date = { Date() }, logger: Logger
    ) {
        self.database = database
        self.client = client
        self.identity = identity
        self.stateDirectory = stateDirectory
        self.settings = settings
        self.clock = clock
        self.now = now
        self.logger = logger
    }

    package func run() async throws {
        // A graceful shutdown cancels the sleep between steps; a step in flight finishes first
        // (its SQLite transaction commits or rolls back as a whole either way).
        await cancelWhenGracefulShutdown {
            var loop = SyncLoop(service: self)
            while !Task.isCancelled {
                let wait = await loop.step()
                do { try await clock.sleep(for: wait) } catch { return }
            }
        }
    }
}

/// The loop's state: when each task is due next and its backoff.
struct SyncLoop<C: Clock<Duration>> {
    let service: SyncService<C>
    var generator = SystemRandomNumberGenerator()
    var heartbeatDue: C.Instant
    var pullDue: C.Instant
    var deliveryDue: C.Instant
    var heartbeatBackoff: Backoff
    var pullBackoff: Backoff
    var deliveryBackoff: Backoff
    var heartbeatInterval: Duration
    var pullInterval: Duration
    let startedAt: Date

    init(service: SyncService<C>) {
        self.service = service
        let start = service.clock.now
        heartbeatDue = start
        pullDue = start
        deliveryDue = start
        heartbeatBackoff = service.settings.backoff
        pullBackoff = service.settings.backoff
        deliveryBackoff = service.settings.backoff
        heartbeatInterval = service.settings.heartbeatInterval
        pullInterval = service.settings.pullInterval
        startedAt = service.now()
    }

    /// Runs whatever is due and returns how long to sleep.
    mutating func step() async -> Duration {
        let clock = service.clock
        if clock.now >= heartbeatDue { await heartbeat() }
        if clock.now >= pullDue { await pull() }
        if clock.now >= deliveryDue { await deliver() }
        let next = min(heartbeatDue, pullDue, deliveryDue)
        return max(.milliseconds(0), clock.now.duration(to: next))
    }

    private var client: GatewayClient { service.client }

    private mutating func heartbeat() async {
        let reporter = HeartbeatReporter(
            database: service.database, client: client, stateDirectory: service.stateDirectory, startedAt: startedAt,
            logger: service.logger)
        do {
            let response = try await reporter.beat(now: service.now())
            heartbeatBackoff.succeeded()
            heartbeatInterval = .seconds(max(5, response.nextHeartbeatS))  // already jittered by the gateway
            let wantedPull = Duration.seconds(max(5, response.syncIntervalS))
            if wantedPull != pullInterval {
                pullInterval = wantedPull
                pullDue = min(pullDue, service.clock.now.advanced(by: jittered(pullInterval, using: &generator)))
            }
            heartbeatDue = service.clock.now.advanced(by: heartbeatInterval)
            await afterHeartbeat(response)
        } catch {
            heartbeatDue = service.clock.now.advanced(
                by: Self.failed(
                    error, task: "heartbeat", backoff: &heartbeatBackoff, generator: &generator, logger: service.logger)
            )
        }
    }

    private mutating func afterHeartbeat(_ response: HeartbeatResponse) async {
        let fetcher = ConfigFetcher(database: service.database, client: client, logger: service.logger)
        do { _ = try await fetcher.refresh(wanted: response.configVersion, now: service.now()) } catch {
            service.logger.warning("configuration fetch failed, the last good one stays: \(error)")
        }
        do {
            _ = try await Enrollment.renewIfDue(client: client, identity: service.identity, now: service.now())
        } catch {
            service.logger.warning("certificate renewal failed, trying again at the next heartbeat: \(error)")
        }
        await runSyncCommands()
    }

    /// Commands this process executes itself (`resync`); the UI process takes the others.
    private mutating func runSyncCommands() async {
        do {
            while let command = try await service.database.nextCommand(now: service.now(), kinds: ["resync"]) {
                guard try await service.database.startCommand(id: command.id, at: service.now()) else { continue }
                let puller = ReplicaPuller(database: service.database, client: client, logger: service.logger)
                do {
                    let now = service.now
                    try await puller.rebuild(now: now)
                    try await service.database.finishCommand(
                        id: command.id, ok: true, detail: "replica rebuilt", at: now())
                } catch {
                    try await service.database.finishCommand(
                        id: command.id, ok: false, detail: "\(error)", at: service.now())
                }
            }
        } catch {
            service.logger.error("command log: \(error)")
        }
    }

    private mutating func pull() async {
        let puller = ReplicaPuller(database: service.database, client: client, logger: service.logger)
        do {
            let now = service.now
            let round = try await puller.pull(now: now)
            try await service.database.setSyncTime(SyncStateKey.lastPullAt, now())
            pullBackoff.succeeded()
            if round.applied > 0 || round.rebuilt {
                service.logger.info("replica: \(round.applied) changes applied, \(round.skipped) stale skipped")
            }
            pullDue = service.clock.now.advanced(by: jittered(pullInterval, using: &generator))
        } catch {
            pullDue = service.clock.now.advanced(
                by: Self.failed(
                    error, task: "pull", backoff: &pullBackoff, generator: &generator, logger: service.logger))
        }
    }

    private mutating func deliver() async {
        let delivery = OutboxDelivery(database: service.database, client: client, logger: service.logger)
        do {
            let round = try await delivery.deliverOnce(now: service.now())
            deliveryBackoff.succeeded()
            if round.sent > 0 {
                service.logger.info("outbox: \(round.delivered) delivered, \(round.deadLettered) dead-lettered")
            }
            deliveryDue =
                round.mayHaveMore
                ? service.clock.now : service.clock.now.advanced(by: service.settings.outboxPollInterval)
        } catch {
            deliveryDue = service.clock.now.advanced(
                by: Self.failed(
                    error, task: "delivery", backoff: &deliveryBackoff, generator: &generator, logger: service.logger))
        }
    }

    private static func failed(
        _ error: any Error, task: String, backoff: inout Backoff, generator: inout SystemRandomNumberGenerator,
        logger: Logger
    ) -> Duration {
        let syncError = error as? SyncError
        let wait = backoff.failed(retryAfter: syncError?.retryAfter, using: &generator)
        let level: Logger.Level = backoff.failures == 1 || syncError?.isAuthentication == true ? .warning : .debug
        logger.log(level: level, "\(task) failed (attempt \(backoff.failures)), next try in \(wait): \(error)")
        return wait
    }
}
