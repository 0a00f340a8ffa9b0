/// Sex as coded on the card (GB/T 2261.1): the card itself uses `1` and `2`.
package enum Sex: String, Sendable, Hashable, Codable, CaseIterable {
    case unknown = "0"
    case male = "1"
    case female = "2"
    case unspecified = "9"

    /// Decodes the GB/T 2261.1 code character; other characters are `nil`.
    package init?(code: some StringProtocol) {
        self.init(rawValue: String(code))
    }

    /// The Chinese name of the value (男, 女, 未知的性别, 未说明的性别).
    package var chineseName: String {
        switch self {
        case .unknown: "未知的性别"
        case .male: "男"
        case .female: "女"
        case .unspecified: "未说明的性别"
        }
    }
}
