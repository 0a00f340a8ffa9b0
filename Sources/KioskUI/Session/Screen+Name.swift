extension Screen {
    /// The screen's short English name (`home`, `mailSummary`, …): for `STATUS=`, logs and focus
    /// resets; never personal data.
    ///
    /// A plain switch on purpose: it is asked on every frame, and describing the value would format
    /// its whole payload (the citizen's masked data) ten times a second.
    package var name: String {
        switch self {
        case .home: "home"
        case .reading: "reading"
        case .cardExpired: "cardExpired"
        case .cardReadFailed: "cardReadFailed"
        case .busy: "busy"
        case .failure: "failure"
        case .caseFiles: "caseFiles"
        case .detail: "detail"
        case .printResult: "printResult"
        case .mailPhone: "mailPhone"
        case .mailAddress: "mailAddress"
        case .mailSummary: "mailSummary"
        case .mailDone: "mailDone"
        case .rating: "rating"
        case .end: "end"
        case .query: "query"
        }
    }
}
