import Foundation
import KioskCore

/// An in-memory database with two service items, one that allows mail (`MAIL`, a blank consult
/// phone) and one that does not (`NO-MAIL`), and 办件 under each, under none, and with own phones.
package enum ServiceItemFixture {
    /// The time every 办件 was accepted and updated.
    package static let now = Date(timeIntervalSince1970: 1_780_000_000)
    /// Every 办件's address on record.
    package static let recordAddress = "北京市东城区东四北大街1号"

    /// A 办件 of 张晓梅 under the service item `item` (or none), with its own phones if given.
    package static func caseFile(_ number: String, item: String?, consult: String? = nil, supervision: String? = nil)
        -> CaseFile
    {
        CaseFile(
            number: number, itemName: "不动产权证书首次登记", itemCode: item, department: "市不动产登记中心",
            applicantName: "张晓梅", applicantIdNumber: "11010519491231002X", statusCode: 2, acceptedAt: now,
            itemAllowsMail: true, mailFlagged: true, certificateName: "不动产权证书", consultPhone: consult,
            supervisionPhone: supervision, addressOnRecord: recordAddress, updatedAt: now)
    }

    /// The database: A-1 under `NO-MAIL`, A-2 under `MAIL`, A-3 under none, A-4 under `NO-MAIL`
    /// with its own phones (010-1, 010-2).
    package static func database() async throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        try await database.importCaseFiles(
            CaseFileImport.Content(
                items: [
                    ServiceItem(
                        code: "NO-MAIL", name: "户口迁移", department: "市公安局", allowsMail: false,
                        consultPhone: "0571-110", supervisionPhone: "0571-12389"),
                    ServiceItem(
                        code: "MAIL", name: "不动产权证书首次登记", department: "市不动产登记中心", allowsMail: true,
                        consultPhone: " ", supervisionPhone: "0571-12389"),
                ],
                caseFiles: [
                    caseFile("A-1", item: "NO-MAIL"), caseFile("A-2", item: "MAIL"), caseFile("A-3", item: nil),
                    caseFile("A-4", item: "NO-MAIL", consult: "010-1", supervision: "010-2"),
                ]))
        return database
    }
}
