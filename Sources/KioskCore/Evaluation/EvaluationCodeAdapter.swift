/// How one target system numbers satisfaction levels and rating channels (rule R19).
///
/// GB/T 39046-2020 A.8 numbers 1 = 非常满意 … 5 = 非常不满意; the Zhejiang 好差评 interface runs the
/// other way (1 = 非常不满意 … 5 = 非常满意). Channel codes 1–5 agree everywhere; 6 and 7 differ.
package struct EvaluationCodeAdapter: Sendable, Equatable {
    /// Direction of the satisfaction codes. The raw values are its encoded form; never change one.
    package enum Direction: String, Sendable, Codable {
        /// 1 = 非常满意 (GB/T 39046 A.8).
        case bestIsOne = "bestIsOne"
        /// 1 = 非常不满意 (Zhejiang).
        case worstIsOne = "worstIsOne"
    }

    /// Rating channels the kiosk may need to name. The raw values are their encoded form; never
    /// change one.
    package enum Channel: String, Sendable, Codable, CaseIterable {
        case pc = "pc"
        case mobile = "mobile"
        case qrCode = "qrCode"
        case hallTablet = "hallTablet"
        case selfServiceTerminal = "selfServiceTerminal"
        case phone = "phone"
        case sms = "sms"
        case systemDefault = "systemDefault"
    }

    package var name: String
    package var direction: Direction
    package var channelCodes: [Channel: Int]

    package init(name: String, direction: Direction, channelCodes: [Channel: Int]) {
        self.name = name
        self.direction = direction
        self.channelCodes = channelCodes
    }

    /// GB/T 39046-2020 numbering; 6 = 电话, 7 = 短信 (one provincial system).
    package static let national = EvaluationCodeAdapter(
        name: "gbt39046", direction: .bestIsOne,
        channelCodes: [
            .pc: 1, .mobile: 2, .qrCode: 3, .hallTablet: 4, .selfServiceTerminal: 5, .phone: 6, .sms: 7,
        ])

    /// Zhejiang's 好差评 interface: reversed satisfaction, 6 = 短信, 7 = 系统默认评价.
    package static let zhejiang = EvaluationCodeAdapter(
        name: "zhejiang", direction: .worstIsOne,
        channelCodes: [
            .pc: 1, .mobile: 2, .qrCode: 3, .hallTablet: 4, .selfServiceTerminal: 5, .sms: 6, .systemDefault: 7,
        ])

    /// The built-in adapters by name, for the configuration file.
    package static func named(_ name: String) -> EvaluationCodeAdapter? {
        [national, zhejiang].first { $0.name == name }
    }

    /// The numeric satisfaction code for `level`.
    package func code(for level: SatisfactionLevel) -> Int {
        let index = SatisfactionLevel.bestFirst.firstIndex(of: level)! + 1
        return direction == .bestIsOne ? index : 6 - index
    }

    /// The level for a numeric code, `nil` outside 1…5.
    package func level(forCode code: Int) -> SatisfactionLevel? {
        guard (1...5).contains(code) else { return nil }
        let index = direction == .bestIsOne ? code : 6 - code
        return SatisfactionLevel.bestFirst[index - 1]
    }

    /// The numeric channel code, `nil` when this system has no such channel.
    package func code(for channel: Channel) -> Int? { channelCodes[channel] }

    /// The kiosk's own channel code (自助终端, 5 in every known system).
    package var kioskChannelCode: Int { channelCodes[.selfServiceTerminal] ?? 5 }
}
