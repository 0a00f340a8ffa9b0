import Logging
import PostgresNIO

/// The gateway's one way to PostgreSQL: a `PostgresClient` pool (run as a service of the
/// ServiceGroup) and the intent-named operations of each feature, in extensions beside the feature.
struct GatewayDatabase: Sendable {
    let client: PostgresClient
    let logger: Logger

    init(url: DatabaseURL, maxConnections: Int, logger: Logger) {
        self.client = PostgresClient(
            configuration: url.clientConfiguration(maxConnections: maxConnections), backgroundLogger: logger)
        self.logger = logger
    }

    /// Runs `body` in one transaction (committed when it returns, rolled back when it throws).
    func transaction<Result: Sendable>(
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await client.withConnection { connection in
            try await connection.withTransaction(logger: logger) { connection in try await body(connection) }
        }
    }

    /// Runs one statement outside an explicit transaction and collects its rows.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        var rows: [PostgresRow] = []
        for try await row in try await client.query(query, logger: logger) { rows.append(row) }
        return rows
    }

    /// Runs one statement for its effect.
    func execute(_ query: PostgresQuery) async throws {
        _ = try await rows(query)
    }
}

extension PostgresConnection {
    /// Runs one statement in this connection's transaction and collects its rows.
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        var rows: [PostgresRow] = []
        for try await row in try await self.query(query, logger: logger) { rows.append(row) }
        return rows
    }
}
