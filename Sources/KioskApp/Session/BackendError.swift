/// Why a back-end call could not be answered (the screen shows a generic failure).
struct BackendError: Error, CustomStringConvertible {
    private enum Kind { case noSession, unknownCase, notMailEligible }
    private let kind: Kind

    static let noSession = BackendError(kind: .noSession)
    static let unknownCase = BackendError(kind: .unknownCase)
    static let notMailEligible = BackendError(kind: .notMailEligible)

    var description: String {
        switch kind {
        case .noSession: "no such session (it ended)"
        case .unknownCase: "the 办件 is not part of this session"
        case .notMailEligible: "the 办件 is not eligible for mail delivery"
        }
    }
}
