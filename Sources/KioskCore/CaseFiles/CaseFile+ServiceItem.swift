/// What a 办件's service item (事项) adds to it: whether mail may be offered and the phones.
extension CaseFile {
    /// Mail delivery may be offered (R21): ``isMailEligible``, and the service item, when the replica
    /// has it, allows 物流快递 (`ServiceItem.allowsMail == false` withdraws 免费邮寄 for its 办件).
    package func isMailEligible(item: ServiceItem?) -> Bool {
        isMailEligible && item?.allowsMail != false
    }

    /// The 咨询电话 to print and show: the 办件's own, else its service item's, else `fallback` (the
    /// site's number). Blank numbers count as none.
    package func consultPhone(item: ServiceItem?, fallback: String) -> String {
        Self.firstNumber(consultPhone, item?.consultPhone) ?? fallback
    }

    /// The 监督电话 to print: the 办件's own, else its service item's, else `fallback` (the site's).
    package func supervisionPhone(item: ServiceItem?, fallback: String) -> String {
        Self.firstNumber(supervisionPhone, item?.supervisionPhone) ?? fallback
    }

    private static func firstNumber(_ candidates: String?...) -> String? {
        candidates.lazy.compactMap { $0?.trimmingWhitespace() }.first { !$0.isEmpty }.map(String.init)
    }
}

extension AppDatabase {
    /// The service item of `caseFile` (by ``CaseFile/itemCode``); `nil` when the 办件 names none or
    /// the replica does not have it.
    package func serviceItem(for caseFile: CaseFile) async throws -> ServiceItem? {
        guard let code = caseFile.itemCode, !code.isEmpty else { return nil }
        return try await serviceItem(code: code)
    }
}
