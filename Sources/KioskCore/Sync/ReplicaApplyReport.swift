/// What one page of changes (or one snapshot page) did.
package struct ReplicaApplyReport: Sendable, Equatable {
    /// Changes written (upserts and deletes).
    package var applied = 0
    /// Changes not newer than the stored row or its tombstone.
    package var skippedStale = 0
    /// Mail status changes for a request this kiosk does not have.
    package var unknown = 0
    /// Changes of an entity or operation the kiosk does not apply yet (calendars, a delete of a
    /// mail status, a delete inside a snapshot).
    package var unsupported = 0

    package init(applied: Int = 0, skippedStale: Int = 0, unknown: Int = 0, unsupported: Int = 0) {
        self.applied = applied
        self.skippedStale = skippedStale
        self.unknown = unknown
        self.unsupported = unsupported
    }

    /// Every change counted.
    package var total: Int { applied + skippedStale + unknown + unsupported }
}
