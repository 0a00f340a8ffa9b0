import Foundation

/// One page of `GET /v1/device/changes`.
package struct ChangePage: Codable, Sendable, Equatable {
    package var changes: [Change]
    /// The cursor to send next (opaque to kiosks).
    package var nextCursor: String
    /// More changes are ready now; pull again without waiting.
    package var hasMore: Bool

    package init(changes: [Change], nextCursor: String, hasMore: Bool) {
        self.changes = changes
        self.nextCursor = nextCursor
        self.hasMore = hasMore
    }
}

/// One change of a replicated entity.
package struct Change: Codable, Sendable, Equatable {
    package var entity: Entity
    package var op: Operation
    /// The entity's key (办件编号, item code, mail request number).
    package var key: String
    /// Increases with every change of any entity; a kiosk skips a change not newer than its row.
    package var version: Int64
    /// The record (absent for `delete`); the kiosk's own JSON shape for the entity.
    package var record: JSONDocument?

    package init(entity: Entity, op: Operation, key: String, version: Int64, record: JSONDocument?) {
        self.entity = entity
        self.op = op
        self.key = key
        self.version = version
        self.record = record
    }

    /// Replicated entities.
    package enum Entity: String, Codable, Sendable, CaseIterable {
        case caseFile, serviceItem, mailStatus, calendar
    }

    package enum Operation: String, Codable, Sendable {
        case upsert, delete
    }
}

/// A 410 body: the cursor cannot be continued; rebuild from `/v1/device/snapshot`.
package struct CursorGone: Codable, Sendable, Equatable {
    package var reason: String
    package init(reason: String) { self.reason = reason }
}

/// One page of `GET /v1/device/snapshot`.
package struct SnapshotPage: Codable, Sendable, Equatable {
    /// Current records (all `upsert`).
    package var records: [Change]
    /// The next page's token; absent on the last page.
    package var nextPage: String?
    /// On the last page: the changes cursor to continue from.
    package var cursor: String?

    package init(records: [Change], nextPage: String?, cursor: String?) {
        self.records = records
        self.nextPage = nextPage
        self.cursor = cursor
    }
}
