import Foundation
import GRDB

@testable import KioskCore

/// Real SQLite files in a temporary directory, and the records the sync tests store.
enum SyncFixture {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// A fresh on-disk database (a WAL `DatabasePool`, as on the kiosk).
    static func database() throws -> AppDatabase {
        let base = ProcessInfo.processInfo.environment["KIOSK_TEST_TMPDIR"] ?? NSTemporaryDirectory()
        return try AppDatabase.open(directory: (base as NSString).appendingPathComponent("sync-\(UUID().uuidString)"))
    }

    static func mailRequest(_ index: Int, at time: Date = now) -> MailRequest {
        MailRequest(
            caseNumber: "C-\(index)", idempotencyKey: "mail-\(index)", recipientName: "李建国", phone: "13912345678",
            regionCode: "440106", address: "广东省广州市天河区天河北路233号", postcode: "510000",
            certificateName: "营业执照", requestedAt: time)
    }

    /// Stores `count` mail requests with their outbox rows in one transaction, created a second
    /// apart; returns their outbox ids, oldest first.
    @discardableResult
    static func storeMail(_ database: AppDatabase, count: Int, from first: Int = 1) async throws -> [Int64] {
        try await database.writer.write { db in
            for index in first..<(first + count) {
                _ = try mailRequest(index, at: now.addingTimeInterval(Double(index)))
                    .insertWithOutboxEntry(db, createdAt: now.addingTimeInterval(Double(index)))
            }
            return try Int64.fetchAll(db, sql: "SELECT id FROM outbox ORDER BY id DESC LIMIT ?", arguments: [count])
                .reversed()
        }
    }

    static func caseFile(_ number: String, name: String = "不动产权证书首次登记", idNumber: String = "11010519491231002X")
        -> CaseFile
    {
        CaseFile(
            number: number, itemName: name, itemCode: "MAIL", department: "市不动产登记中心", applicantName: "张晓梅",
            applicantIdNumber: idNumber, statusCode: 2, acceptedAt: now, itemAllowsMail: true, mailFlagged: true,
            certificateName: "不动产权证书", updatedAt: now)
    }

    static func upsert(_ caseFile: CaseFile, version: Int64) -> ReplicaChange {
        ReplicaChange(
            entity: .caseFile, key: caseFile.number, version: version, operation: .upsert(.caseFile(caseFile)))
    }

    static func upsert(_ item: ServiceItem, version: Int64) -> ReplicaChange {
        ReplicaChange(entity: .serviceItem, key: item.code, version: version, operation: .upsert(.serviceItem(item)))
    }

    static func delete(_ number: String, version: Int64) -> ReplicaChange {
        ReplicaChange(entity: .caseFile, key: number, version: version, operation: .delete)
    }

    static func item(_ code: String, allowsMail: Bool = true) -> ServiceItem {
        ServiceItem(code: code, name: "不动产权证书首次登记", department: "市不动产登记中心", allowsMail: allowsMail)
    }

    /// The stored `version` of a 办件, `nil` when the row is gone.
    static func version(_ database: AppDatabase, caseFile number: String) throws -> Int64? {
        try database.reader.read { db in
            try Int64.fetchOne(db, sql: "SELECT version FROM caseFile WHERE number = ?", arguments: [number])
        }
    }
}
