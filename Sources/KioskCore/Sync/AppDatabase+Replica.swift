import Foundation
import GRDB

extension AppDatabase {
    /// Applies one page of the gateway's change feed and stores its cursor, in ONE transaction:
    /// after a crash either the page and its cursor are stored, or neither.
    ///
    /// - A change whose version is not newer than the stored row's (or its tombstone's) is skipped.
    /// - An upsert replaces the 办件 or service item, with the change's version.
    /// - A delete removes the row and leaves a tombstone with its version, so an older upsert
    ///   arriving later is skipped. A withdrawn 办件 disappears from every lookup; a mail request
    ///   for it stays (the lookups that offer mail need the 办件, so no new one can be made).
    /// - A mail status (key: this kiosk's request's idempotency key) updates that request's status
    ///   and waybill; an unknown key is skipped and counted.
    /// - Calendars are not applied yet and are counted as unsupported.
    ///
    /// - Parameters:
    ///   - changes: the page, in feed order.
    ///   - cursor: the page's `nextCursor`, stored as ``SyncStateKey/replicaCursor``.
    ///   - time: stamps the cursor.
    /// - Throws: ``ReplicaError`` for an upsert whose record does not match its entity and key, or a
    ///   database error; nothing of the page is stored then.
    @discardableResult
    package func applyChanges(_ changes: [ReplicaChange], cursor: String, at time: Date) async throws
        -> ReplicaApplyReport
    {
        try await writer.write { db in
            let report = try ReplicaWriter(target: .live).apply(changes, db)
            try Self.setSyncValue(SyncStateKey.replicaCursor, cursor, at: time, db)
            return report
        }
    }
}
