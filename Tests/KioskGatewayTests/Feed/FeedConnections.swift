import Foundation
import Logging
import PostgresNIO

@testable import KioskGateway

/// Dedicated connections to a ``TestDatabase``, for tests that hold transactions open across steps.
enum FeedConnections {
    static func connect(_ database: TestDatabase, id: Int) async throws -> PostgresConnection {
        let url = try DatabaseURL(database.url)
        var logger = Logger(label: "feed-writer")
        logger.logLevel = .error
        let configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password,
            database: url.database, tls: .disable)
        return try await PostgresConnection.connect(configuration: configuration, id: id, logger: logger)
    }
}
