/// Delivery states of a mail request (rule R22, a design decision: EMS's own codes are not public
/// and are mapped by an adapter at the sync edge).
package enum MailStatus: String, Codable, Sendable, CaseIterable {
    /// 已申请: confirmed at the kiosk, not yet handed to the post.
    case requested
    /// 已交寄/已揽收: handed over, waybill known.
    case posted
    /// 运输中.
    case inTransit
    /// 派送中.
    case outForDelivery
    /// 已签收.
    case delivered
    /// 未妥投 (side state).
    case undeliverable
    /// 退回 (side state).
    case returned

    package var chineseName: String {
        switch self {
        case .requested: "已申请"
        case .posted: "已交寄"
        case .inTransit: "运输中"
        case .outForDelivery: "派送中"
        case .delivered: "已签收"
        case .undeliverable: "未妥投"
        case .returned: "退回"
        }
    }

    /// The states a request may move to from this one.
    package var successors: Set<MailStatus> {
        switch self {
        case .requested: [.posted, .returned]
        case .posted: [.inTransit, .outForDelivery, .delivered, .undeliverable, .returned]
        case .inTransit: [.outForDelivery, .delivered, .undeliverable, .returned]
        case .outForDelivery: [.delivered, .undeliverable, .returned]
        case .undeliverable: [.outForDelivery, .delivered, .returned]
        case .delivered, .returned: []
        }
    }
}
