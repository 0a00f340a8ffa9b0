/// Why a text is not a ``MobileNumber``, with a message for the citizen (Chinese) and one for logs
/// (English, without the number).
package struct MobileNumberError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case missing
        case notDigits
        case wrongLength(Int)
        case notMobilePrefix
    }

    private let kind: Kind

    /// Nothing was typed.
    static let missing = MobileNumberError(kind: .missing)
    /// Something other than ASCII digits (letters, `+`, spaces inside, full-width digits).
    static let notDigits = MobileNumberError(kind: .notDigits)
    /// Digits only, but not 11 of them.
    static func wrongLength(_ count: Int) -> MobileNumberError { MobileNumberError(kind: .wrongLength(count)) }
    /// 11 digits that do not start with `13`–`19`.
    static let notMobilePrefix = MobileNumberError(kind: .notMobilePrefix)

    /// `true` when the text is 11 digits with a prefix that no mobile number has (`10`, `12`, `2…`);
    /// `false` when it is empty, too short or too long, or not all digits.
    package var isNotMobilePrefix: Bool { kind == .notMobilePrefix }

    /// What the citizen reads on screen.
    package var citizenMessage: String {
        switch kind {
        case .missing, .notDigits, .wrongLength: "请输入11位手机号码"
        case .notMobilePrefix: "手机号码应以13至19开头,请核对"
        }
    }

    package var description: String {
        switch kind {
        case .missing: "mobile number: missing"
        case .notDigits: "mobile number: not all ASCII digits"
        case .wrongLength(let count): "mobile number: \(count) digits, expected 11"
        case .notMobilePrefix: "mobile number: does not start with 13 to 19"
        }
    }
}
