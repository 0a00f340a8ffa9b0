import Crypto
import Foundation
import KioskCore
import KioskProtocol

/// One submitted item's payload, decoded into the kiosk's own types and checked with their own
/// rules (`MailRequest.validated()`, `Evaluation.validated()`): the gateway never copies a rule.
enum SubmissionPayload: Sendable {
    case mailRequest(MailRequest)
    case evaluation(Evaluation)

    /// Decodes and validates `item.payload` as its `kind`.
    ///
    /// - Throws: ``SubmissionRejection`` with a reason in English.
    init(item: SubmissionItem) throws {
        do {
            switch item.kind {
            case .mailRequest:
                self = .mailRequest(try item.payload.decode(MailRequest.self).validated())
            case .evaluation:
                self = .evaluation(try item.payload.decode(Evaluation.self).validated())
            }
        } catch let error as DecodingError {
            throw SubmissionRejection(reason: "payload is not a \(item.kind.rawValue): \(Self.describe(error))")
        } catch {
            throw SubmissionRejection(reason: "invalid \(item.kind.rawValue): \(error)")
        }
        guard idempotencyKey == item.idempotencyKey else {
            throw SubmissionRejection(reason: "payload idempotencyKey differs from the item's")
        }
    }

    /// The key the kiosk stored in the record.
    var idempotencyKey: String {
        switch self {
        case .mailRequest(let request): request.idempotencyKey
        case .evaluation(let evaluation): evaluation.idempotencyKey
        }
    }

    /// The 办件 the business row belongs to.
    var caseNumber: String {
        switch self {
        case .mailRequest(let request): request.caseNumber
        case .evaluation(let evaluation): evaluation.caseNumber
        }
    }

    /// SHA-256 of the payload re-encoded with sorted keys (``ProtocolCoding``): the same key with
    /// another canonical payload is `keyReused`.
    static func canonicalHash(of payload: JSONDocument) throws -> Data {
        let canonical = try ProtocolCoding.encoder().encode(payload)
        return Data(SHA256.hash(data: canonical))
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "missing field \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            (context.codingPath.map(\.stringValue).joined(separator: ".") + " " + context.debugDescription)
                .trimmingCharacters(in: .whitespaces)
        @unknown default: "\(error)"
        }
    }
}

/// Why an item was answered `rejected`.
struct SubmissionRejection: Error, Sendable {
    let reason: String
}

extension SatisfactionLevel {
    /// The GB/T 39046 level number stored in `evaluation.level`: 5 非常满意 … 1 非常不满意.
    var levelNumber: Int {
        SatisfactionLevel.bestFirst.count - (SatisfactionLevel.bestFirst.firstIndex(of: self) ?? 0)
    }
}
