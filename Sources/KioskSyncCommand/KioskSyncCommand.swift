import ArgumentParser
import Foundation
import KioskCore
import KioskProtocol
import KioskSync
import Logging
import ServiceLifecycle
import UnixSignals

/// `kiosk-sync`: the kiosk's network process. It holds the device key, talks to kiosk-gateway and
/// shares the kiosk's SQLite database (WAL); it has no terminal, no reader and no printer. The
/// kiosk starts it as `kiosk sync` and `kiosk gateway …`, which read `kiosk.toml` and pass what
/// this process needs as options.
@main
struct KioskSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-sync",
        abstract: "The kiosk's connection to kiosk-gateway (run through `kiosk sync` and `kiosk gateway`).",
        subcommands: [RunCommand.self, EnrollCommand.self, StatusCommand.self, CheckCommand.self]
    )
}

/// Options every subcommand takes.
struct CommonOptions: ParsableArguments {
    @Option(help: "The kiosk's state directory (kiosk.sqlite, gateway/).")
    var stateDirectory: String

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func logger() -> Logger {
        // The journal gets no personal number even if one slipped into an error text.
        var logger = Logger(label: "kiosk.sync") { label in
            RedactingLogHandler(StreamLogHandler.standardError(label: label))
        }
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        return logger
    }
}

/// Where the gateway is and how to reach it.
struct GatewayOptions: ParsableArguments {
    @Option(help: "The gateway's device API, https://host:port (default: the URL enrolled with).")
    var url: String?

    @Option(help: "HTTP CONNECT proxy, http://host:port (default: https_proxy from the environment).")
    var proxy: String?
}

struct EnrollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll", abstract: "Enroll this kiosk with a one-time code from kiosk-gateway device add.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var gateway: GatewayOptions
    @Option(help: "This kiosk's device id (site.terminal_id), as registered on the gateway.")
    var deviceId: String
    @Option(help: "The gateway's CA certificate (PEM), obtained out of band.")
    var ca: String
    @Option(help: "The one-time enrollment code.")
    var code: String

    func run() async throws {
        guard let url = gateway.url else { throw ValidationError("--url is required to enroll") }
        let identity = DeviceIdentity(stateDirectory: common.stateDirectory)
        do {
            let enrollment = try await Enrollment.enroll(
                deviceId: deviceId, code: code, url: url, caFile: ca, proxy: gateway.proxy, identity: identity)
            let expiry = identity.certificateExpiry().map(RFC3339.format) ?? "unknown"
            print("enrolled \(enrollment.deviceId) at \(enrollment.url); certificate valid until \(expiry)")
        } catch let error as SyncError {
            let hint = error.status == 403 ? " (the code is wrong, spent or expired: ask staff for a new one)" : ""
            FileHandle.standardError.write(Data("kiosk gateway enroll: enrollment failed: \(error)\(hint)\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show enrollment, last contact, outbox and replica state.")

    @OptionGroup var common: CommonOptions
    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let database = try AppDatabase.open(directory: common.stateDirectory)
        let status = try await SyncStatus.load(
            database: database, identity: DeviceIdentity(stateDirectory: common.stateDirectory), now: Date())
        print(json ? try status.json() : status.text())
    }
}

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "The stored state plus one live call: reachability and clock offset (JSON).")

    @OptionGroup var common: CommonOptions
    @OptionGroup var gateway: GatewayOptions

    func run() async throws {
        let database = try AppDatabase.open(directory: common.stateDirectory)
        let check = try await SyncCheck.run(
            database: database, identity: DeviceIdentity(stateDirectory: common.stateDirectory), url: gateway.url,
            proxy: gateway.proxy, now: { Date() })
        print(try check.json())
    }
}

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Deliver the outbox, keep the replica current, send heartbeats (systemd service)."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var gateway: GatewayOptions
    @Option(help: "Heartbeat interval until the gateway names one, in seconds.")
    var heartbeatSeconds: Int = 60
    @Option(help: "Pull interval until the gateway names one, in seconds.")
    var pullSeconds: Int = 60
    @Option(help: ArgumentHelp("Longest backoff after failures, in seconds.", visibility: .hidden))
    var backoffCapSeconds: Int = 900

    func run() async throws {
        let logger = common.logger()
        let identity = DeviceIdentity(stateDirectory: common.stateDirectory)
        guard let enrollment = identity.enrollment() else {
            FileHandle.standardError.write(Data("kiosk sync: not enrolled: run kiosk gateway enroll first\n".utf8))
            throw ExitCode(78)  // EX_CONFIG: systemd's Restart=on-failure retries, RestartSec apart
        }
        let database = try AppDatabase.open(directory: common.stateDirectory)
        let transport = CurlTransport(
            settings: .init(
                baseURL: gateway.url ?? enrollment.url, caFile: identity.caPath,
                clientCertificate: (identity.certificatePath, identity.keyPath), proxy: gateway.proxy))
        var settings = SyncService<ContinuousClock>.Settings()
        settings.heartbeatInterval = .seconds(heartbeatSeconds)
        settings.pullInterval = .seconds(pullSeconds)
        settings.backoff = Backoff(cap: .seconds(max(5, backoffCapSeconds)))
        let service = SyncService(
            database: database, client: GatewayClient(transport: transport), identity: identity,
            stateDirectory: common.stateDirectory, settings: settings, clock: ContinuousClock(), logger: logger)
        logger.info(
            "sync started",
            metadata: ["device": "\(enrollment.deviceId)", "gateway": "\(gateway.url ?? enrollment.url)"])
        try? SystemdNotifier().ready(status: "syncing with \(gateway.url ?? enrollment.url)")
        let group = ServiceGroup(
            configuration: .init(services: [service], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        try? SystemdNotifier().stopping()
    }
}
