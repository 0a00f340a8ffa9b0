import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle

/// Builds the gateway's two listeners over one database pool: the device API (mutual TLS) and the
/// staff console (plain HTTP behind the hall's reverse proxy, with `/healthz`, `/readyz`, `/metrics`).
/// Nothing is kept in memory that another replica would need.
struct GatewayServer {
    let configuration: GatewayConfiguration
    let database: GatewayDatabase
    let resources: GatewayResources
    let templates: ConsoleTemplates
    let certificateAuthority: CertificateAuthority
    let metrics: GatewayMetrics
    let logger: Logger
    /// Called with each listener's name (`deviceAPI`, `console`) and bound port.
    var onListening: @Sendable (String, Int) async -> Void = { _, _ in }

    /// The services to run in one ServiceGroup, the pool first (graceful shutdown runs in reverse:
    /// the listeners finish their in-flight requests while the pool is still there).
    func services() throws -> [any Service] {
        let inFlight = InFlightCounter()
        let pruning = FeedPruningService(
            pruner: FeedPruner(database: database, retentionDays: configuration.feedRetentionDays), logger: logger)
        return [
            database.client, FeedEpochGuardService(guard: FeedEpochGuard(database: database), logger: logger), pruning,
            OfflineSweeperService(sweeper: OfflineSweeper(database: database), logger: logger),
            MailRetentionService(
                retention: MailRetention(database: database, days: configuration.mailPersonalDataDays), logger: logger),
            try deviceApplication(inFlight: inFlight),
            try consoleApplication(inFlight: inFlight),
        ]
    }

    private func deviceApplication(inFlight: InFlightCounter) throws -> some Service {
        guard let address = ListenAddress(configuration.deviceAPIListen) else {
            throw GatewayError.configuration("device_api.listen: \(configuration.deviceAPIListen)")
        }
        let router = Router(context: DeviceRequestContext.self)
        router.add(middleware: DeviceMetricsMiddleware(metrics: metrics.deviceAPI))
        router.add(middleware: ProblemMiddleware())
        router.add(
            middleware: InFlightLimit(limit: configuration.maxInFlight, retryAfterSeconds: 5, counter: inFlight))
        // Inside the metrics and the in-flight limit, which so count every request and the time
        // spent (de)compressing; outside the routes, which see and answer plain JSON.
        router.add(middleware: ResponseCompression())
        router.add(middleware: RequestDecompression())
        let environment = DeviceAPIEnvironment(
            configuration: configuration, database: database, certificateAuthority: certificateAuthority,
            logger: logger)
        DeviceRoutes.register(on: router, environment: environment)
        let tls = try certificateAuthority.serverTLSConfiguration(
            certificatePath: configuration.deviceTLSCertificatePath, keyPath: configuration.deviceTLSKeyPath)
        let onListening = self.onListening
        return Application(
            router: router,
            server: try .tls(.http1(), tlsConfiguration: tls),
            configuration: .init(
                address: .hostname(address.host, port: address.port), serverName: nil,
                backlog: 1024, reuseAddress: true),
            onServerRunning: { channel in await onListening("deviceAPI", channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    private func consoleApplication(inFlight: InFlightCounter) throws -> some Service {
        guard let address = ListenAddress(configuration.consoleListen) else {
            throw GatewayError.configuration("console.listen: \(configuration.consoleListen)")
        }
        let router = Router(context: ConsoleRequestContext.self)
        router.add(middleware: MetricsMiddleware())
        HealthRoutes.register(on: router, database: database)
        metrics.register(on: router, inFlight: inFlight)
        let environment = ConsoleEnvironment(
            configuration: configuration, database: database, resources: resources,
            certificateAuthority: certificateAuthority, templates: templates, logger: logger)
        try ConsoleRoutes.register(on: router, environment: environment)
        let onListening = self.onListening
        return Application(
            router: router,
            configuration: .init(
                address: .hostname(address.host, port: address.port), serverName: nil, reuseAddress: true),
            onServerRunning: { channel in await onListening("console", channel.localAddress?.port ?? 0) },
            logger: logger)
    }
}
