import Foundation
import KioskTestSupport
import Logging
import PostgresNIO

@testable import KioskGateway

/// A fresh database on the private PostgreSQL cluster that `scripts/test` starts
/// (`KIOSK_TEST_DATABASE_URL`, see scripts/pg-fixture), migrated by the real `kiosk-gateway migrate`.
struct TestDatabase: Sendable {
    /// The database's URL (`postgres://kiosk@127.0.0.1:PORT/gw_…`).
    let url: String
    let name: String
    private let serverURL: String

    /// Creates and migrates a database with a random name.
    static func create() async throws -> TestDatabase {
        guard let server = ProcessInfo.processInfo.environment["KIOSK_TEST_DATABASE_URL"], !server.isEmpty else {
            throw HarnessError(
                "KIOSK_TEST_DATABASE_URL is not set: run the suite with scripts/test, or start a cluster with "
                    + "`scripts/pg-fixture start DIR && source DIR/env`")
        }
        let name = "gw_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try await psql(server, "CREATE DATABASE \(name)")
        let base = server[..<(server.lastIndex(of: "/") ?? server.endIndex)]
        let database = TestDatabase(url: "\(base)/\(name)?sslmode=disable", name: name, serverURL: server)
        let migrate = try await runProgram(
            BuiltProducts.path("kiosk-gateway"), ["migrate"],
            environment: ProcessInfo.processInfo.environment.merging(
                ["KIOSK_GATEWAY_DATABASE_URL": database.url], uniquingKeysWith: { $1 }))
        guard migrate.status == 0 else {
            throw HarnessError("kiosk-gateway migrate failed (\(migrate.status)): \(migrate.standardError)")
        }
        return database
    }

    /// Runs `sql` with psql and returns the rows (columns as text, NULL as nil).
    @discardableResult
    func sql(_ sql: String) async throws -> [[String?]] {
        try await Self.psql(url, sql)
    }

    /// Runs `body` with a running connection pool on this database.
    func withGatewayDatabase<Result: Sendable>(
        maxConnections: Int = 10, _ body: (GatewayDatabase) async throws -> Result
    ) async throws -> Result {
        var logger = Logger(label: "test-database")
        logger.logLevel = .error
        let database = GatewayDatabase(
            url: try DatabaseURL(url), maxConnections: maxConnections, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await database.client.run() }
            defer { group.cancelAll() }
            return try await body(database)
        }
    }

    /// Drops the database (connections still open are terminated).
    func drop() async throws {
        try await Self.psql(serverURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    @discardableResult
    private static func psql(_ url: String, _ sql: String) async throws -> [[String?]] {
        let null = "\u{1}NULL"
        let result = try await runProgram(
            URL(fileURLWithPath: "/usr/bin/psql"),
            [
                url.replacingOccurrences(of: "?sslmode=disable", with: ""), "-X", "-q", "-A", "-t", "-F", "\t",
                "-v", "ON_ERROR_STOP=1", "-P", "null=\(null)", "-c", sql,
            ])
        guard result.status == 0 else { throw HarnessError("psql failed: \(result.standardError) for: \(sql)") }
        return result.standardOutput.split(separator: "\n", omittingEmptySubsequences: true).map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { $0 == null ? nil : String($0) }
        }
    }
}

/// A failure of the test harness itself, with what to do about it.
struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
