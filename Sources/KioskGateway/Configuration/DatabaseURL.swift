import Foundation
import PostgresNIO

/// A PostgreSQL connection URL: `postgres://user[:password]@host[:port]/database`, with
/// `?host=/run/postgresql` for a Unix socket directory and `?sslmode=disable|prefer|require`.
struct DatabaseURL: Sendable, Equatable {
    var user: String
    var password: String?
    var host: String
    var port: Int
    var database: String
    /// The socket directory (`host=` parameter starting with `/`).
    var socketDirectory: String?
    var sslMode: String

    /// Parses `text`.
    ///
    /// - Throws: ``GatewayError`` naming what is wrong (never the password).
    init(_ text: String) throws(GatewayError) {
        guard let components = URLComponents(string: text),
            components.scheme == "postgres" || components.scheme == "postgresql"
        else { throw GatewayError.configuration("database.url must start with postgres://") }
        guard let user = components.user, !user.isEmpty else {
            throw GatewayError.configuration("database.url names no user")
        }
        self.user = user.removingPercentEncoding ?? user
        self.password = components.password?.removingPercentEncoding
        self.host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        self.port = components.port ?? 5432
        let path = components.path.drop { $0 == "/" }
        guard !path.isEmpty else { throw GatewayError.configuration("database.url names no database") }
        self.database = String(path)
        let items = components.queryItems ?? []
        self.socketDirectory = items.first { $0.name == "host" }?.value.flatMap { $0.hasPrefix("/") ? $0 : nil }
        self.sslMode = items.first { $0.name == "sslmode" }?.value ?? "prefer"
        guard ["disable", "prefer", "require"].contains(sslMode) else {
            throw GatewayError.configuration("database.url: sslmode must be disable, prefer or require")
        }
    }

    /// A configuration problem with `text`, or `nil`.
    static func problem(in text: String) -> String? {
        do {
            _ = try DatabaseURL(text)
            return nil
        } catch {
            return error.description
        }
    }

    /// The URL with the password replaced (logs, doctor).
    var redacted: String {
        let socket = socketDirectory.map { "?host=\($0)" } ?? ""
        return "postgres://\(user)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)\(socket)"
    }

    /// PostgresNIO's client configuration for this URL.
    func clientConfiguration(maxConnections: Int) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let socketDirectory {
            configuration = .init(
                unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: user, password: password,
                database: database)
        } else {
            let tls: PostgresClient.Configuration.TLS =
                switch sslMode {
                case "disable": .disable
                case "require": .require(.makeClientConfiguration())
                default: .prefer(.makeClientConfiguration())
                }
            configuration = .init(
                host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        configuration.options.maximumConnections = maxConnections
        configuration.options.minimumConnections = min(2, maxConnections)
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }
}
