import Crypto
import Foundation
import Logging
import PostgresNIO

/// Numbered SQL migrations (`migrations/NNNN_name.sql`), applied in order, each in one transaction,
/// recorded with a checksum; an applied file whose checksum changed stops everything (shipped
/// migrations are never edited). Replicas starting at once serialise on an advisory lock.
enum Migrations {
    /// One migration file.
    struct File: Sendable, Equatable {
        var version: Int
        var name: String
        var sql: String
        /// SHA-256 of the file's bytes, hex.
        var checksum: String
    }

    /// The advisory lock id every replica takes while migrating.
    static let lockId: Int64 = 0x6B69_6F73_6B67_7731  // "kioskgw1"

    /// The files in `directory`, ordered by version.
    ///
    /// - Throws: ``GatewayError`` for a badly named file or two files with one version.
    static func files(in directory: URL) throws -> [File] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }
        var files: [File] = []
        for name in names {
            guard let version = Int(name.prefix { $0.isNumber }), name.prefix(4).allSatisfy(\.isNumber) else {
                throw GatewayError.migration("\(name): a migration is named NNNN_description.sql")
            }
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            let checksum = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            files.append(
                File(version: version, name: name, sql: String(decoding: data, as: UTF8.self), checksum: checksum))
        }
        files.sort { $0.version < $1.version }
        for (previous, next) in zip(files, files.dropFirst()) where previous.version == next.version {
            throw GatewayError.migration("\(previous.name) and \(next.name) have the same version")
        }
        return files
    }

    /// Applies every file not yet applied.
    ///
    /// - Returns: the names of the files applied now.
    static func apply(_ files: [File], database: GatewayDatabase) async throws -> [String] {
        let logger = database.logger
        return try await database.client.withConnection { connection in
            _ = try await connection.rows("SELECT pg_advisory_lock(\(lockId))", logger: logger)
            do {
                let applied = try await migrate(files, connection: connection, logger: logger)
                _ = try await connection.rows("SELECT pg_advisory_unlock(\(lockId))", logger: logger)
                return applied
            } catch {
                _ = try? await connection.rows("SELECT pg_advisory_unlock(\(lockId))", logger: logger)
                throw error
            }
        }
    }

    private static func migrate(_ files: [File], connection: PostgresConnection, logger: Logger) async throws
        -> [String]
    {
        _ = try await connection.rows(
            """
            CREATE TABLE IF NOT EXISTS schema_migration (
                version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, logger: logger)
        var recorded: [Int: (String, String)] = [:]
        for row in try await connection.rows("SELECT version, name, checksum FROM schema_migration", logger: logger) {
            let (version, name, checksum) = try row.decode((Int, String, String).self)
            recorded[version] = (name, checksum)
        }
        let known = Set(files.map(\.version))
        if let unknown = recorded.keys.sorted().first(where: { !known.contains($0) }) {
            throw GatewayError.migration(
                "the database has migration \(recorded[unknown]!.0), which this build does not know (a newer gateway migrated it)"
            )
        }
        var applied: [String] = []
        for file in files {
            if let (name, checksum) = recorded[file.version] {
                guard checksum == file.checksum else {
                    throw GatewayError.migration("\(name) was changed after it was applied (checksum differs)")
                }
                continue
            }
            try await connection.withTransaction(logger: logger) { connection in
                for statement in SQLScript.statements(file.sql) {
                    _ = try await connection.rows(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                _ = try await connection.rows(
                    "INSERT INTO schema_migration (version, name, checksum) VALUES (\(file.version), \(file.name), \(file.checksum))",
                    logger: logger)
            }
            logger.info("applied migration", metadata: ["migration": "\(file.name)"])
            applied.append(file.name)
        }
        return applied
    }
}
