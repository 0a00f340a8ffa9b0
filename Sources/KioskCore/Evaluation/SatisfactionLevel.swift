/// The five rating levels of 好差评, as named by the rules (R17). Stored by name, never by number:
/// the numeric code is a per-province matter (``EvaluationCodeAdapter``).
///
/// The raw values are what the `evaluation.level` column holds. They are spelled out so that
/// renaming a case cannot change stored data: never change one (a test pins them).
package enum SatisfactionLevel: String, Codable, Sendable, CaseIterable {
    case verySatisfied = "verySatisfied"
    case satisfied = "satisfied"
    case basicallySatisfied = "basicallySatisfied"
    case dissatisfied = "dissatisfied"
    case veryDissatisfied = "veryDissatisfied"

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
