/// The keys of `syncState` that KioskCore itself reads or writes.
package enum SyncStateKey {
    /// The opaque cursor of the last applied replica page (or snapshot).
    package static let replicaCursor = "replicaCursor"
    /// The last time the gateway answered (``StoredTime`` text).
    package static let lastContactAt = "lastContactAt"
    /// The last completed replica pull (``StoredTime`` text).
    package static let lastPullAt = "lastPullAt"
    /// Seconds the gateway's clock is ahead of the kiosk's at the last heartbeat (negative: behind).
    package static let serverClockOffset = "serverClockOffset"
    /// The version of the last good configuration.
    package static let configVersion = "configVersion"
    /// The `ETag` of the last configuration fetched.
    package static let configETag = "configETag"
    /// The last good configuration, as JSON.
    package static let configJSON = "configJSON"
}
