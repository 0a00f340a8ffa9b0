import Hummingbird
import Logging
import NIOSSL
import PostgresNIO
import Synchronization

/// Authenticates every device route: the device id comes from the verified client certificate
/// only; a device that is unknown, not enrolled or revoked is refused with 403. The registry's
/// answer is cached for at most ``DeviceStatusCache/timeToLive`` on each replica, so a revocation
/// reaches every replica within that time (docs/gateway.md: within 10 s).
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
final class DeviceStatusCache: Sendable {
    /// How long an answer is reused; a revocation takes effect on every replica within it.
    static let timeToLive: Duration = .seconds(5)

    private let entries = Mutex<[String: (active: Bool, checkedAt: ContinuousClock.Instant)]>([:])

    func isActive(_ deviceId: String, database: GatewayDatabase) async throws -> Bool {
        let now = ContinuousClock.now
        if let entry = entries.withLock({ $0[deviceId] }), now - entry.checkedAt < Self.timeToLive {
            return entry.active
        }
        let rows = try await database.rows(
            "SELECT enrolled_at IS NOT NULL AND revoked_at IS NULL FROM device WHERE id = \(deviceId)")
        let active = try rows.first?.decode(Bool.self) ?? false
        entries.withLock { entries in
            if entries.count > 200_000 { entries.removeAll() }
            entries[deviceId] = (active, now)
        }
        return active
    }
}
