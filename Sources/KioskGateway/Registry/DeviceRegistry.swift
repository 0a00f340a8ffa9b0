import Foundation
import NIOCore
import PostgresNIO

/// Sites, devices and enrollment codes.
struct DeviceRegistry: Sendable {
    let database: GatewayDatabase

    /// How long an enrollment code is valid.
    static let codeLifetime: TimeInterval = 24 * 3600

    /// Registers `id` (or issues a new code for a device not yet enrolled) and returns the code.
    func add(id: String, site: String, region: String, groups: [String], actor: String) async throws -> String {
        let code = EnrollmentCode.generate()
        let hash = ByteBuffer(bytes: EnrollmentCode.hash(code))
        let expiresAt = Date().addingTimeInterval(Self.codeLifetime)
        let logger = database.logger
        try await database.transaction { connection in
            _ = try await connection.rows(
                "INSERT INTO site (id, region_code) VALUES (\(site), \(region)) ON CONFLICT (id) DO NOTHING",
                logger: logger)
            _ = try await connection.rows(
                """
                INSERT INTO device (id, site_id, region_code) VALUES (\(id), \(site), \(region))
                ON CONFLICT (id) DO UPDATE SET site_id = excluded.site_id, region_code = excluded.region_code
                """, logger: logger)
            for group in ["default"] + groups {
                _ = try await connection.rows(
                    "INSERT INTO device_group (id) VALUES (\(group)) ON CONFLICT (id) DO NOTHING", logger: logger)
                _ = try await connection.rows(
                    "INSERT INTO device_group_member (device_id, group_id) VALUES (\(id), \(group)) ON CONFLICT DO NOTHING",
                    logger: logger)
            }
            _ = try await connection.rows(
                """
                INSERT INTO enrollment_code (device_id, code_hash, expires_at) VALUES (\(id), \(hash), \(expiresAt))
                ON CONFLICT (device_id) DO UPDATE SET code_hash = excluded.code_hash,
                    expires_at = excluded.expires_at, used_at = NULL
                """, logger: logger)
            _ = try await connection.rows(
                "INSERT INTO audit_log (actor, action, target) VALUES (\(actor), 'device.add', \(id))", logger: logger)
        }
        return code
    }

    /// Revokes `id`; `false` when there is no such device or it was revoked already.
    func revoke(id: String, actor: String) async throws -> Bool {
        let logger = database.logger
        return try await database.transaction { connection in
            let rows = try await connection.rows(
                "UPDATE device SET revoked_at = now() WHERE id = \(id) AND revoked_at IS NULL RETURNING id",
                logger: logger)
            guard !rows.isEmpty else { return false }
            _ = try await connection.rows(
                "INSERT INTO audit_log (actor, action, target) VALUES (\(actor), 'device.revoke', \(id))",
                logger: logger)
            return true
        }
    }

    /// One line per device: id, site, region, state.
    func list() async throws -> [String] {
        try await database.rows(
            """
            SELECT id, site_id, region_code,
                CASE WHEN revoked_at IS NOT NULL THEN 'revoked' WHEN enrolled_at IS NULL THEN 'pending' ELSE 'enrolled' END
            FROM device ORDER BY id
            """
        ).map { row in
            let (id, site, region, state) = try row.decode((String, String, String, String).self)
            return "\(id)\t\(site)\t\(region)\t\(state)"
        }
    }
}
