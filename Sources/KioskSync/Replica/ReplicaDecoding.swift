import Foundation
import KioskCore
import KioskProtocol

/// Turns the feed's changes into KioskCore's ``ReplicaChange`` (the records decoded into the
/// kiosk's own types with the device API's coding).
enum ReplicaDecoding {
    struct Undecodable: Error, CustomStringConvertible {
        var change: String
        var problem: String
        var description: String { "\(change): \(problem)" }
    }

    /// The mail status record of the feed: `{status, waybillNumber, updatedAt}`.
    private struct MailStatusRecord: Decodable {
        var status: MailStatus
        var waybillNumber: String?
        var updatedAt: Date
    }

    static func replicaChange(_ change: Change) throws -> ReplicaChange? {
        let entity: ReplicaChange.Entity
        switch change.entity {
        case .caseFile: entity = .caseFile
        case .serviceItem: entity = .serviceItem
        case .mailStatus: entity = .mailStatus
        case .calendar: entity = .calendar
        }
        switch change.op {
        case .delete:
            return ReplicaChange(entity: entity, key: change.key, version: change.version, operation: .delete)
        case .upsert:
            guard let record = change.record else {
                throw Undecodable(change: "\(change.entity.rawValue) \(change.key)", problem: "upsert without a record")
            }
            let decoded: ReplicaRecord
            do {
                switch change.entity {
                case .caseFile: decoded = .caseFile(try record.decode(CaseFile.self))
                case .serviceItem: decoded = .serviceItem(try record.decode(ServiceItem.self))
                case .mailStatus:
                    let status = try record.decode(MailStatusRecord.self)
                    decoded = .mailStatus(
                        MailStatusUpdate(
                            status: status.status, waybillNumber: status.waybillNumber, updatedAt: status.updatedAt))
                case .calendar: return nil  // not replicated yet: the kiosk's calendar file stays authoritative
                }
            } catch {
                throw Undecodable(change: "\(change.entity.rawValue) \(change.key)", problem: "\(error)")
            }
            return ReplicaChange(entity: entity, key: change.key, version: change.version, operation: .upsert(decoded))
        }
    }
}
