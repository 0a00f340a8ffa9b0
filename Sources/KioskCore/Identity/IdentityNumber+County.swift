extension IdentityNumber {
    /// The county (GB/T 2260 code) a mainland resident's number was issued in: its first six digits.
    ///
    /// `nil` for Hong Kong, Macao and Taiwan residence permits (prefix 8), foreigners' numbers
    /// (prefix 9) and anything that does not start with a plausible county code: their first digits
    /// name no mainland county.
    package var residentCountyCode: String? {
        let prefix = String(text.prefix(6))
        guard MailFieldRules.isRegionCode(prefix), !prefix.hasPrefix("8"), !prefix.hasPrefix("9") else { return nil }
        return prefix
    }
}
