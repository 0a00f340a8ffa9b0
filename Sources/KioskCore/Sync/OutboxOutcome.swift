import Foundation

/// What became of one delivered outbox row, as the sync service learned it from the gateway.
package struct OutboxOutcome: Sendable, Equatable {
    /// The gateway's answer for the row.
    package enum Result: Sendable, Equatable {
        /// `accepted`, `duplicate` or `conflict`: the effect exists upstream under `submissionId`.
        case delivered(submissionId: String)
        /// `keyReused` or `rejected`: kept with its reason, never retried by itself.
        case deadLetter(reason: String)
        /// A transport error, 408, 429 or 5xx: try again at `retryAt` (the caller's backoff).
        case retry(error: String, retryAt: Date)
    }

    /// The outbox row's `id`.
    package var outboxId: Int64
    package var result: Result

    package init(outboxId: Int64, result: Result) {
        self.outboxId = outboxId
        self.result = result
    }
}
