import Foundation

/// One change of the gateway's feed (or one record of a snapshot), decoded by the sync service
/// into KioskCore's own types.
package struct ReplicaChange: Sendable, Equatable {
    /// What the change is about.
    package enum Entity: String, Sendable, Equatable, CaseIterable {
        /// A 办件 (key: its 办件编号).
        case caseFile
        /// A service item (key: its 事项编码).
        case serviceItem
        /// The status of one of this device's own mail requests (key: the request's idempotency key).
        case mailStatus
        /// Working-day calendars: not applied yet, counted as unsupported.
        case calendar
    }

    /// What to do.
    package enum Operation: Sendable, Equatable {
        case upsert(ReplicaRecord)
        case delete
    }

    package var entity: Entity
    package var key: String
    /// Increases with every change of one record; a change not newer than the stored one is skipped.
    package var version: Int64
    package var operation: Operation

    package init(entity: Entity, key: String, version: Int64, operation: Operation) {
        self.entity = entity
        self.key = key
        self.version = version
        self.operation = operation
    }
}

/// The record an upsert carries.
package enum ReplicaRecord: Sendable, Equatable {
    case caseFile(CaseFile)
    case serviceItem(ServiceItem)
    case mailStatus(MailStatusUpdate)
}

/// The gateway's news about one of this device's mail requests (已交寄 with its waybill, …).
package struct MailStatusUpdate: Sendable, Equatable {
    package var status: MailStatus
    package var waybillNumber: String?
    /// When the status changed upstream.
    package var updatedAt: Date

    package init(status: MailStatus, waybillNumber: String?, updatedAt: Date) {
        self.status = status
        self.waybillNumber = waybillNumber
        self.updatedAt = updatedAt
    }
}
