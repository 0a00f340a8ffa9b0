/// A page of replica changes could not be applied; nothing of it was stored.
package struct ReplicaError: Error, CustomStringConvertible, Sendable, Equatable {
    private enum Kind: Sendable, Equatable {
        case mismatchedRecord(entity: String, key: String)
        case noSnapshot
    }

    private let kind: Kind

    /// An upsert's record is not of its change's entity, or its own key differs from the change's.
    static func mismatchedRecord(_ change: ReplicaChange) -> ReplicaError {
        ReplicaError(kind: .mismatchedRecord(entity: change.entity.rawValue, key: change.key))
    }

    /// A snapshot page or finish without ``AppDatabase/beginSnapshot()``.
    static let noSnapshot = ReplicaError(kind: .noSnapshot)

    /// `true` for a change whose record does not match its entity or key.
    package var isMismatchedRecord: Bool {
        if case .mismatchedRecord = kind { return true }
        return false
    }

    /// `true` when no snapshot was begun.
    package var isNoSnapshot: Bool { kind == .noSnapshot }

    package var description: String {
        switch kind {
        case .mismatchedRecord(let entity, let key):
            "replica change \(entity) \(key): the record does not match the change's entity and key"
        case .noSnapshot: "no replica snapshot is in progress (call beginSnapshot first)"
        }
    }
}
