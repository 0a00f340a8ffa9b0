import Foundation

/// What one retention run did, job by job (for logs and tests).
package struct RetentionReport: Sendable, Hashable {
    /// One job's result.
    package struct Outcome: Sendable, Hashable {
        package let job: String
        /// Records purged, or `nil` when the job failed.
        package let purged: Int?
        /// The error's description when the job failed.
        package let failure: String?
    }

    /// The "now" the run used.
    package let now: Date
    /// Audit rows older than this were deleted.
    package let auditCutoff: Date
    /// The audit purge first, then the injected jobs in order.
    package let outcomes: [Outcome]

    /// The outcome of the job named `name`.
    package func outcome(of name: String) -> Outcome? {
        outcomes.first { $0.job == name }
    }
}
