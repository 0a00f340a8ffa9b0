/// The keys of `syncState` that KioskCore itself reads or writes.
package enum SyncStateKey {
    /// The opaque cursor of the last applied replica page (or snapshot).
    package static let replicaCursor = "replicaCursor"
    /// The last time the gateway answered (``StoredTime`` text).
    package static let lastContactAt = "lastContactAt"
    /// The `ETag` of the last configuration fetched.
    package static let configETag = "configETag"
    /// The last good configuration, as JSON.
    package static let configJSON = "configJSON"
}
