import Foundation
import Hummingbird
import Logging
import NIOSSL
import PostgresNIO
import Synchronization

/// Authenticates every device route: the device id comes from the verified client certificate
/// only; a device that is unknown, not enrolled or revoked is refused with 403. The registry's
/// answer is cached for at most ``DeviceStatusCache/timeToLive`` on each replica, so a revocation
/// reaches every replica within that time (5 s; the design allows 10 s).
struct DeviceAuthentication: RouterMiddleware {
    typealias Context = DeviceRequestContext
    let environment: DeviceAPIEnvironment
    let cache: DeviceStatusCache

    init(environment: DeviceAPIEnvironment, cache: DeviceStatusCache = DeviceStatusCache()) {
        self.environment = environment
        self.cache = cache
    }

    func handle(
        _ request: Request, context: DeviceRequestContext,
        next: (Request, DeviceRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let certificate = try await context.channel.nioSSL_peerCertificate().get(),
            let deviceId = DeviceCertificate.deviceId(of: certificate)
        else {
            throw ProblemError(status: .unauthorized, title: "client certificate required")
        }
        guard try await cache.isActive(deviceId, database: environment.database) else {
            throw ProblemError(status: .forbidden, title: "device not enrolled or revoked", detail: deviceId)
        }
        var context = context
        context.deviceId = deviceId
        context.logger[metadataKey: "device"] = .string(deviceId)
        return try await next(request, context)
    }
}

/// Per-replica cache of whether a device may call (enrolled, not revoked).
///
/// A device found active stays cached; every ``timeToLive`` the cache asks the database once which
/// devices were revoked since its last look (an index range scan on `revoked_at`) and drops them,
/// so a revocation reaches every replica within that time without one lookup per request of a
/// 30,000-kiosk fleet (the first look loads every active device at once). A device not found active (unknown, not yet enrolled) is asked again after
/// ``timeToLive``, so a fresh enrollment is seen as soon.
final class DeviceStatusCache: Sendable {
    /// How long an answer is trusted before the revocations are looked at again.
    static let timeToLive: Duration = .seconds(5)
    /// Most devices remembered (a province's fleet); past it the cache starts again.
    static let capacity = 200_000

    private struct State {
        var active: Set<String> = []
        var inactive: [String: ContinuousClock.Instant] = [:]
        /// When the revocations were last looked at (this clock), and the database's time then.
        var checkedAt: ContinuousClock.Instant?
        var databaseTime: Date?
        /// Advanced by every look at the revocations: a lookup that overlapped one is not cached
        /// (its answer may predate a revocation that look did not see yet).
        var generation = 0
        /// The look at the revocations in progress, if any.
        var looking: Task<Void, any Error>?
    }

    private let state = Mutex(State())

    func isActive(_ deviceId: String, database: GatewayDatabase) async throws -> Bool {
        let now = ContinuousClock.now
        // One look at a time: callers that find it running go on with what is cached (a first
        // load, with nothing cached yet, is waited for).
        let (look, started, mustWait): (Task<Void, any Error>?, Bool, Bool) = state.withLock { state in
            let stale = state.checkedAt.map { now - $0 >= Self.timeToLive } ?? true
            guard stale else { return (nil, false, false) }
            if let running = state.looking { return (running, false, state.checkedAt == nil) }
            let task = Task { try await self.dropRevoked(database: database, now: now) }
            state.looking = task
            return (task, true, true)
        }
        if let look, started {
            // The caller that started the look ends it, failed or not, so the next can start one.
            let result = await look.result
            state.withLock { $0.looking = nil }
            try result.get()
        } else if let look, mustWait {
            try await look.value
        }
        let cached: Bool? = state.withLock { state in
            if state.active.contains(deviceId) { return true }
            if let checked = state.inactive[deviceId], now - checked < Self.timeToLive { return false }
            return nil
        }
        if let cached { return cached }
        let generation = state.withLock { $0.generation }
        let rows = try await database.rows(
            "SELECT enrolled_at IS NOT NULL AND revoked_at IS NULL FROM device WHERE id = \(deviceId)")
        let active = try rows.first?.decode(Bool.self) ?? false
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.active.count + state.inactive.count > Self.capacity {
                state.active.removeAll()
                state.inactive.removeAll()
            }
            if active {
                state.active.insert(deviceId)
                state.inactive[deviceId] = nil
            } else {
                state.inactive[deviceId] = now
            }
        }
        return active
    }

    /// Drops the devices revoked since the last look (by the database's clock, so replicas' clocks
    /// do not matter). The first look loads every active device in one query instead, so that a
    /// replica that just started does not look each kiosk up (a boot storm after a restart).
    private func dropRevoked(database: GatewayDatabase, now: ContinuousClock.Instant) async throws {
        let since = state.withLock { $0.databaseTime }
        let rows: [PostgresRow]
        if let since {
            rows = try await database.rows(
                """
                SELECT now(), coalesce(array_agg(id), '{}') FROM device
                WHERE revoked_at >= \(since) - interval '1 second'
                """)
        } else {
            rows = try await database.rows(
                """
                SELECT now(), coalesce(array_agg(id), '{}') FROM device
                WHERE enrolled_at IS NOT NULL AND revoked_at IS NULL
                """)
        }
        let (databaseTime, ids) = try rows[0].decode((Date, [String]).self)
        state.withLock { state in
            if since == nil {
                state.active = Set(ids)
            } else {
                for id in ids { state.active.remove(id) }
            }
            state.checkedAt = now
            state.databaseTime = databaseTime
            state.generation += 1
        }
    }
}
