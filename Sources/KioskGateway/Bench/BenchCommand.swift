import ArgumentParser
import Foundation
import Hummingbird
import KioskProtocol
import Logging
import ServiceLifecycle
import UnixSignals

/// `kiosk-gateway bench serve`: the listeners `scripts/bench-gateway` measures (hidden from
/// `--help`; docs/development.md, "Benchmarks").
///
/// - `--mode ceiling`: the framework ceiling, a Hummingbird route that decodes a heartbeat and
///   answers a heartbeat response with no database;
/// - `--mode gateway`: the real device API routes, middleware and database code of `serve`, with
///   the device named by a header instead of a client certificate (``BenchDeviceIdentity``).
///
/// Both on 127.0.0.1 only, plain HTTP, so that wrk can drive them; TLS is outside both.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmark listeners (loopback only).", shouldDisplay: false,
        subcommands: [Serve.self])

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve", abstract: "Serve the benchmark's listener on 127.0.0.1 until SIGTERM.")

        enum Mode: String, ExpressibleByArgument, CaseIterable { case ceiling, gateway }

        @OptionGroup var options: GatewayOptions
        @Option(name: .long, help: "ceiling or gateway.") var mode: Mode
        @Option(name: .long, help: "Write the bound port to this file.") var portFile: String

        func run() async throws {
            let configuration = try options.load()
            let logger = options.logger()
            var services: [any Service] = []
            let router = Router(context: DeviceRequestContext.self)
            switch mode {
            case .ceiling:
                router.add(middleware: ProblemMiddleware())
                router.post("/v1/device/heartbeat") { request, context -> HeartbeatResponse in
                    _ = try await request.decode(as: HeartbeatRequest.self, context: context)
                    return HeartbeatResponse(
                        serverTime: Date(), nextHeartbeatS: 60, syncIntervalS: 300, configVersion: "bench",
                        commands: [])
                }
            case .gateway:
                let database = GatewayDatabase(
                    url: try DatabaseURL(configuration.databaseURL), maxConnections: configuration.maxConnections,
                    logger: logger)
                services.append(database.client)
                // The middleware of `serve`'s device listener, in its order.
                router.add(middleware: DeviceMetricsMiddleware(metrics: GatewayMetrics.bootstrap().deviceAPI))
                router.add(middleware: ProblemMiddleware())
                router.add(
                    middleware: InFlightLimit(
                        limit: configuration.maxInFlight, retryAfterSeconds: 5, counter: InFlightCounter()))
                router.add(middleware: ResponseCompression())
                router.add(middleware: RequestDecompression())
                let environment = DeviceAPIEnvironment(
                    configuration: configuration, database: database,
                    certificateAuthority: try CertificateAuthority.load(directory: configuration.caDirectory),
                    logger: logger)
                DeviceRoutes.registerAuthenticated(
                    on: router.group("/v1/device").add(middleware: BenchDeviceIdentity(environment: environment)),
                    environment: environment)
            }
            let portFile = self.portFile
            services.append(
                Application(
                    router: router,
                    configuration: .init(
                        address: .hostname("127.0.0.1", port: 0), serverName: nil, backlog: 1024, reuseAddress: true),
                    onServerRunning: { channel in
                        try? Data("\(channel.localAddress?.port ?? 0)\n".utf8).write(
                            to: URL(fileURLWithPath: portFile))
                    },
                    logger: logger))
            let group = ServiceGroup(
                configuration: .init(
                    services: services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint],
                    logger: logger))
            try await group.run()
        }
    }
}
