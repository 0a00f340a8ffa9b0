import Foundation

/// `POST /v1/device/submissions`: up to ``maximumItems`` outbox rows, oldest first.
package struct SubmissionBatch: Codable, Sendable, Equatable {
    /// The largest batch the gateway accepts (a larger one is answered 413).
    package static let maximumItems = 100

    package var items: [SubmissionItem]
    package init(items: [SubmissionItem]) { self.items = items }
}

/// One submitted outbox row.
package struct SubmissionItem: Codable, Sendable, Equatable {
    package var idempotencyKey: String
    package var kind: Kind
    package var createdAt: Date
    /// The kiosk's record (`MailRequest` or `Evaluation` JSON).
    package var payload: JSONDocument

    package init(idempotencyKey: String, kind: Kind, createdAt: Date, payload: JSONDocument) {
        self.idempotencyKey = idempotencyKey
        self.kind = kind
        self.createdAt = createdAt
        self.payload = payload
    }

    package enum Kind: String, Codable, Sendable, CaseIterable {
        case mailRequest, evaluation
    }
}

/// The batch's answer, one result per item in order.
package struct SubmissionResults: Codable, Sendable, Equatable {
    package var results: [SubmissionResult]
    package init(results: [SubmissionResult]) { self.results = results }
}

/// What became of one item (docs/gateway.md, "Delivery semantics").
package struct SubmissionResult: Codable, Sendable, Equatable {
    package var idempotencyKey: String
    package var status: Status
    /// The gateway's id of the stored submission (`accepted`, `duplicate`; for `conflict` the
    /// submission that already holds the business key).
    package var submissionId: UUID?
    /// Why (`keyReused`, `conflict`, `rejected`), in English.
    package var reason: String?

    package init(idempotencyKey: String, status: Status, submissionId: UUID? = nil, reason: String? = nil) {
        self.idempotencyKey = idempotencyKey
        self.status = status
        self.submissionId = submissionId
        self.reason = reason
    }

    package enum Status: String, Codable, Sendable, CaseIterable {
        /// Stored now.
        case accepted
        /// Stored before with the same payload: the original result.
        case duplicate
        /// Stored before with another payload under the same key.
        case keyReused
        /// A business rule: the 办件 already has a live mail request, or this rating round exists.
        case conflict
        /// Invalid.
        case rejected

        /// The kiosk marks its outbox row delivered.
        package var isDelivered: Bool { self == .accepted || self == .duplicate || self == .conflict }
    }
}
