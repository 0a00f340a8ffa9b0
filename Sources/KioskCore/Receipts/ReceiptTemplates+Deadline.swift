extension ReceiptTemplates {
    /// The 承诺办结 value on paper: the due day as written, marked 预计 when the calendar did not cover
    /// every day of the computation (rule R13). Receipts are printed in Chinese only.
    ///
    /// - Parameters:
    ///   - day: The due day as written (e.g. `2026年12月3日`).
    ///   - isEstimated: Whether the deadline is an estimate.
    package static func promisedDate(_ day: String, isEstimated: Bool) -> String {
        day + (isEstimated ? "（预计）" : "")
    }
}
