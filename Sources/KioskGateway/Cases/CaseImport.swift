import Foundation
import KioskCore
import KioskProtocol
import Logging
import PostgresNIO

/// Imports the kiosk's applications format (`kiosk data import applications`) into `case_file` and
/// `service_item`, parsed and validated by KioskCore's own ``CaseFileImport`` (the same rules, the
/// same messages), all in ONE transaction with one `change_log` row per record.
///
/// The file format carries no region: the 办件 of one file belong to the region given with
/// `--region CODE` (the six-digit code of the issuing county; devices of the same city — the first
/// four digits — receive them). Service items are replicated to every device.
enum CaseImport {
    /// Parses `data`, then stores everything or nothing; returns the number of 办件 stored.
    ///
    /// - Throws: KioskCore's `CaseFileImportError` (naming the record and field) or ``CaseImportError``.
    static func run(data: Data, region: String, actor: String, database: GatewayDatabase) async throws -> Int {
        guard MailFieldRules.isRegionCode(region), region.first != "0" else { throw CaseImportError.region(region) }
        let content = try CaseFileImport.parse(data, now: Date())
        let encoder = ProtocolCoding.encoder()
        let items = try content.items.map { ($0.code, String(decoding: try encoder.encode($0), as: UTF8.self)) }
        let cases = try content.caseFiles.map {
            ($0.number, String(decoding: try encoder.encode($0), as: UTF8.self))
        }
        try await database.transaction { connection in
            for (code, record) in items {
                _ = try await connection.rows(
                    """
                    WITH v AS (SELECT nextval('change_seq') AS version), stored AS (
                        INSERT INTO service_item (code, record, version)
                        SELECT \(code), \(record)::jsonb, version FROM v
                        ON CONFLICT (code) DO UPDATE
                            SET record = EXCLUDED.record, version = EXCLUDED.version, updated_at = now()
                        RETURNING version
                    )
                    INSERT INTO change_log (entity, key, op, version, record)
                    SELECT 'serviceItem', \(code), 'upsert', version, \(record)::jsonb FROM stored
                    """, logger: database.logger)
            }
            for (number, record) in cases {
                _ = try await connection.rows(
                    """
                    WITH v AS (SELECT nextval('change_seq') AS version), stored AS (
                        INSERT INTO case_file (number, region_code, record, version)
                        SELECT \(number), \(region), \(record)::jsonb, version FROM v
                        ON CONFLICT (number) DO UPDATE SET region_code = EXCLUDED.region_code,
                            record = EXCLUDED.record, version = EXCLUDED.version, updated_at = now()
                        RETURNING version
                    )
                    INSERT INTO change_log (entity, key, op, version, scope_region, record)
                    SELECT 'caseFile', \(number), 'upsert', version, \(region), \(record)::jsonb FROM stored
                    """, logger: database.logger)
            }
            let detail = "\(cases.count) applications, \(items.count) service items"
            _ = try await connection.rows(
                """
                INSERT INTO audit_log (actor, action, target, detail)
                VALUES (\(actor), 'cases.import', \(region), \(detail))
                """, logger: database.logger)
        }
        return cases.count
    }

    /// Deletes one 办件 and appends its tombstone, in one transaction.
    ///
    /// - Throws: ``CaseImportError`` when no such 办件 is stored.
    static func withdraw(number: String, actor: String, database: GatewayDatabase) async throws {
        do {
            try await withdrawInTransaction(number: number, actor: actor, database: database)
        } catch let error as PostgresTransactionError {
            if let refusal = error.closureError as? CaseImportError { throw refusal }
            throw error
        }
    }

    private static func withdrawInTransaction(number: String, actor: String, database: GatewayDatabase) async throws {
        try await database.transaction { connection in
            let deleted = try await connection.rows(
                """
                WITH gone AS (DELETE FROM case_file WHERE number = \(number) RETURNING number, region_code)
                INSERT INTO change_log (entity, key, op, version, scope_region)
                SELECT 'caseFile', number, 'delete', nextval('change_seq'), region_code FROM gone
                RETURNING version
                """, logger: database.logger)
            guard !deleted.isEmpty else { throw CaseImportError.unknownCase(number) }
            _ = try await connection.rows(
                "INSERT INTO audit_log (actor, action, target) VALUES (\(actor), 'cases.withdraw', \(number))",
                logger: database.logger)
        }
    }
}

/// A case import or withdrawal the gateway refuses.
struct CaseImportError: Error, CustomStringConvertible, Sendable {
    private enum Kind: Sendable {
        case region(String)
        case unknownCase(String)
    }
    private let kind: Kind

    static func region(_ code: String) -> CaseImportError { CaseImportError(kind: .region(code)) }
    static func unknownCase(_ number: String) -> CaseImportError { CaseImportError(kind: .unknownCase(number)) }

    var description: String {
        switch kind {
        case .region(let code): "--region \(code): not a six-digit region code"
        case .unknownCase(let number): "no 办件 \(number) is stored"
        }
    }
}
