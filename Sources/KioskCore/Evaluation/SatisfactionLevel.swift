/// The five rating levels of 好差评, as named by the rules (R17). Stored by name, never by number:
/// the numeric code is a per-province matter (``EvaluationCodeAdapter``).
package enum SatisfactionLevel: String, Codable, Sendable, CaseIterable {
    case verySatisfied
    case satisfied
    case basicallySatisfied
    case dissatisfied
    case veryDissatisfied

    /// 非常满意 … 非常不满意.
    package var chineseName: String {
        switch self {
        case .verySatisfied: "非常满意"
        case .satisfied: "满意"
        case .basicallySatisfied: "基本满意"
        case .dissatisfied: "不满意"
        case .veryDissatisfied: "非常不满意"
        }
    }

    /// 不满意 and 非常不满意 are 差评: a reason is required and a callback phone is offered.
    package var isNegative: Bool { self == .dissatisfied || self == .veryDissatisfied }

    /// Best first, the order of the rating screen and of GB/T 39046 A.8.
    package static let bestFirst: [SatisfactionLevel] = allCases
}
