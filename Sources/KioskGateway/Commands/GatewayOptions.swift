import ArgumentParser
import Foundation
import KioskConfigFile
import Logging
import PostgresNIO

/// `--config`, shared by every subcommand.
struct GatewayOptions: ParsableArguments {
    @Option(name: .long, help: "The configuration file (default: /etc/kiosk-gateway/gateway.toml, if present).")
    var config: String?

    /// The configuration, or a clean exit with every problem listed.
    func load() throws -> GatewayConfiguration {
        do {
            return try GatewayConfiguration.resolve(path: config)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// A logger writing to standard error (the journal under systemd).
    func logger(_ label: String = "kiosk-gateway") -> Logger {
        var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
        logger.logLevel =
            ProcessInfo.processInfo.environment["KIOSK_GATEWAY_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) }
            ?? .info
        return logger
    }

    /// Opens the pool, runs `body` with it and closes the pool again (one-shot commands).
    func withDatabase<Result: Sendable>(
        _ configuration: GatewayConfiguration, _ body: (GatewayDatabase) async throws -> Result
    ) async throws -> Result {
        let database = GatewayDatabase(
            url: try DatabaseURL(configuration.databaseURL), maxConnections: 2, logger: logger())
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await database.client.run() }
            defer { group.cancelAll() }
            return try await body(database)
        }
    }
}
