import Foundation
import GRDB

extension AppDatabase {
    /// Stores (inserting or replacing by 办件编号 / item code) every record in one transaction.
    ///
    /// - Returns: the number of 办件 stored.
    @discardableResult
    package func importCaseFiles(_ content: CaseFileImport.Content) async throws -> Int {
        try await writer.write { db in
            for item in content.items { try item.save(db) }
            for caseFile in content.caseFiles { try caseFile.save(db) }
            return content.caseFiles.count
        }
    }

    /// The 办件 whose applicant or agent 证件号 is `idNumber` (R7), newest acceptance first.
    ///
    /// The read runs on the calling thread (GRDB's synchronous `read`: a pooled WAL reader, never
    /// blocked by writers), not through GRDB's async API. The query is two index probes and about
    /// 30 µs; the async API's hop to a reader queue and back costs three times that in thread
    /// wake-ups on a two-core kiosk (issue #6 benchmark: ≤ 0.1 ms median among 1,000,000 办件).
    package func caseFiles(forIdNumber idNumber: String) async throws -> [CaseFile] {
        try readOnCallingThread { db in try Self.caseFiles(db, forIdNumber: idNumber) }
    }

    /// GRDB's synchronous read (from an async context the compiler would pick the async one).
    private func readOnCallingThread<T>(_ body: (Database) throws -> T) throws -> T {
        try reader.read(body)
    }

    /// The synchronous lookup behind ``caseFiles(forIdNumber:)``: one cached statement, which
    /// SQLite answers with two index probes (its OR-by-union plan over both indexes).
    package static func caseFiles(_ db: Database, forIdNumber idNumber: String) throws -> [CaseFile] {
        let statement = try db.cachedStatement(
            sql: """
                SELECT * FROM caseFile WHERE applicantIdNumber = ?1 OR agentIdNumber = ?1
                ORDER BY acceptedAt DESC, number
                """)
        return try CaseFile.fetchAll(statement, arguments: [idNumber])
    }

    /// One 办件 by number, without any check (staff tools, after an identity check).
    package func caseFile(number: String) async throws -> CaseFile? {
        try await reader.read { db in try CaseFile.fetchOne(db, key: number) }
    }

    /// One 办件 by number and 查询密码 (the no-card lookup, R7); `nil` when either is wrong.
    package func caseFile(number: String, queryPassword: String) async throws -> CaseFile? {
        guard let caseFile = try await caseFile(number: number), caseFile.acceptsQueryPassword(queryPassword) else {
            return nil
        }
        return caseFile
    }

    /// The number of 办件 in the replica.
    package func caseFileCount() async throws -> Int {
        try await reader.read { db in try CaseFile.fetchCount(db) }
    }

    /// A service item by code.
    package func serviceItem(code: String) async throws -> ServiceItem? {
        try await reader.read { db in try ServiceItem.fetchOne(db, key: code) }
    }
}
