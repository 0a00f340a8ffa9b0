import GRDB

/// A service item (事项) as far as the kiosk needs it: whether results may be mailed and whether
/// mail is free (local policy, R22), plus phones for the receipt.
package struct ServiceItem: Codable, Sendable, Equatable, KioskRecord, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "serviceItem"

    /// 事项编码 (实施编码), opaque.
    package var code: String
    package var name: String
    package var department: String
    /// 是否支持物流快递.
    package var allowsMail: Bool
    /// Mail is free of charge for the citizen (local policy).
    package var mailIsFree: Bool
    package var consultPhone: String?
    package var supervisionPhone: String?

    package init(
        code: String, name: String, department: String, allowsMail: Bool, mailIsFree: Bool = true,
        consultPhone: String? = nil, supervisionPhone: String? = nil
    ) {
        self.code = code
        self.name = name
        self.department = department
        self.allowsMail = allowsMail
        self.mailIsFree = mailIsFree
        self.consultPhone = consultPhone
        self.supervisionPhone = supervisionPhone
    }
}
