import Foundation
import GRDB

extension CaseFile {
    /// Decodes a row by column, without the Codable machinery: the card lookup runs on every card
    /// read, and the generic decoder (one JSON decoder per JSON column, keyed containers) costs
    /// several times the SQLite lookup itself. Writes still use the Codable encoding, which this
    /// mirrors (enums as raw values, JSON arrays with millisecond dates).
    package init(row: Row) throws {
        guard let approvalType = ApprovalType(rawValue: row["approvalType"]) else {
            throw DatabaseError(message: "caseFile.approvalType: unknown value")
        }
        let unit: Int? = row["promiseUnit"]
        self.init(
            number: row["number"], itemName: row["itemName"], itemCode: row["itemCode"], department: row["department"],
            applicantName: row["applicantName"], applicantIdNumber: row["applicantIdNumber"],
            agentIdNumber: row["agentIdNumber"], approvalType: approvalType, statusCode: row["statusCode"],
            resultCode: row["resultCode"], acceptedAt: Self.time(row, "acceptedAt"), promiseLimit: nil,
            promisedAt: Self.time(row, "promisedAt"), pauses: try Self.decodeArray(row["pauses"], column: "pauses"),
            finishedAt: Self.time(row, "finishedAt"), deliveredAt: Self.time(row, "deliveredAt"),
            itemAllowsMail: row["itemAllowsMail"],
            mailFlagged: row["mailFlagged"], certificateName: row["certificateName"],
            consultPhone: row["consultPhone"], supervisionPhone: row["supervisionPhone"],
            addressOnRecord: row["addressOnRecord"], queryPasswordHash: row["queryPasswordHash"],
            steps: try Self.decodeArray(row["steps"], column: "steps"),
            updatedAt: Self.time(row, "updatedAt") ?? Date(timeIntervalSince1970: 0))
        self.promiseLimit = row["promiseLimit"]
        self.promiseUnit = unit.flatMap(TimeLimitUnit.init(rawValue:))
    }

    /// A time column read as ``StoredTime`` (GRDB's own `Date` decoding would load ICU).
    private static func time(_ row: Row, _ column: String) -> Date? {
        (row[column] as StoredTime?)?.date
    }

    /// A JSON array column; `[]` (the common case) skips the decoder.
    private static func decodeArray<Element: Decodable>(_ text: String?, column: String) throws -> [Element] {
        guard let text, text != "[]" else { return [] }
        return try databaseJSONDecoder(for: column).decode([Element].self, from: Data(text.utf8))
    }
}
