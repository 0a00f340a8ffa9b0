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
            resultCode: row["resultCode"], acceptedAt: row["acceptedAt"], promiseLimit: nil,
            promisedAt: row["promisedAt"], pauses: try Self.decodeArray(row["pauses"], column: "pauses"),
            finishedAt: row["finishedAt"], deliveredAt: row["deliveredAt"], itemAllowsMail: row["itemAllowsMail"],
            mailFlagged: row["mailFlagged"], certificateName: row["certificateName"],
            consultPhone: row["consultPhone"], supervisionPhone: row["supervisionPhone"],
            addressOnRecord: row["addressOnRecord"], queryPasswordHash: row["queryPasswordHash"],
            steps: try Self.decodeArray(row["steps"], column: "steps"), updatedAt: row["updatedAt"])
        self.promiseLimit = row["promiseLimit"]
        self.promiseUnit = unit.flatMap(TimeLimitUnit.init(rawValue:))
    }

    /// A JSON array column; `[]` (the common case) skips the decoder.
    private static func decodeArray<Element: Decodable>(_ text: String?, column: String) throws -> [Element] {
        guard let text, text != "[]" else { return [] }
        return try databaseJSONDecoder(for: column).decode([Element].self, from: Data(text.utf8))
    }
}
