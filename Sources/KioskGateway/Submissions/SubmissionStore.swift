import Foundation
import KioskCore
import KioskProtocol
import Logging
import NIOCore
import PostgresNIO

/// Stores submitted outbox rows with exactly-once effect (docs/gateway.md, "Delivery semantics").
///
/// Each item is its own transaction: the `submission` row (`ON CONFLICT (device_id,
/// idempotency_key) DO NOTHING`), its business row (`mail_request`, one live request per 办件;
/// `evaluation`, one per 办件 × channel × round) and an `audit_log` row. A business key already
/// held rolls the item back and answers `conflict` with the holder's submission id. The result is
/// returned only after COMMIT.
struct SubmissionStore: Sendable {
    let database: GatewayDatabase

    /// Stores every item of one batch from `deviceId`, in order, one transaction each.
    func store(_ items: [SubmissionItem], deviceId: String) async throws -> [SubmissionResult] {
        var results: [SubmissionResult] = []
        results.reserveCapacity(items.count)
        for item in items { results.append(try await store(item, deviceId: deviceId)) }
        return results
    }

    /// Stores one item.
    func store(_ item: SubmissionItem, deviceId: String) async throws -> SubmissionResult {
        let key = item.idempotencyKey
        let payload: SubmissionPayload
        do {
            guard (1...64).contains(key.count) else {
                throw SubmissionRejection(reason: "idempotencyKey must be 1–64 characters")
            }
            payload = try SubmissionPayload(item: item)
        } catch let rejection as SubmissionRejection {
            return SubmissionResult(idempotencyKey: key, status: .rejected, reason: rejection.reason)
        }
        let hash = try SubmissionPayload.canonicalHash(of: item.payload)
        let outcome = try await database.client.withConnection { connection in
            try await Self.storeInTransaction(
                item, payload: payload, hash: hash, deviceId: deviceId, connection: connection,
                logger: database.logger)
        }
        switch outcome {
        case .accepted(let id):
            return SubmissionResult(idempotencyKey: key, status: .accepted, submissionId: id)
        case .duplicate(let id):
            return SubmissionResult(idempotencyKey: key, status: .duplicate, submissionId: id)
        case .keyReused:
            return SubmissionResult(
                idempotencyKey: key, status: .keyReused,
                reason: "idempotency key already used for a different payload")
        case .conflict:
            let holder = try await existingHolder(of: payload)
            return SubmissionResult(
                idempotencyKey: key, status: .conflict, submissionId: holder, reason: payload.conflictReason)
        }
    }

    private enum Outcome: Sendable {
        case accepted(UUID)
        case duplicate(UUID)
        case keyReused, conflict
    }

    /// BEGIN … COMMIT on one connection; ROLLBACK on a business-key conflict or any error.
    private static func storeInTransaction(
        _ item: SubmissionItem, payload: SubmissionPayload, hash: Data, deviceId: String,
        connection: PostgresConnection, logger: Logger
    ) async throws -> Outcome {
        _ = try await connection.rows("BEGIN", logger: logger)
        do {
            let outcome = try await write(
                item, payload: payload, hash: hash, deviceId: deviceId, connection: connection, logger: logger)
            if case .conflict = outcome {
                _ = try await connection.rows("ROLLBACK", logger: logger)
            } else {
                _ = try await connection.rows("COMMIT", logger: logger)
            }
            return outcome
        } catch {
            _ = try? await connection.rows("ROLLBACK", logger: logger)
            throw error
        }
    }

    private static func write(
        _ item: SubmissionItem, payload: SubmissionPayload, hash: Data, deviceId: String,
        connection: PostgresConnection, logger: Logger
    ) async throws -> Outcome {
        let hashBytes = ByteBuffer(bytes: hash)
        let kind = item.kind.rawValue
        let inserted = try await connection.rows(
            """
            INSERT INTO submission (device_id, idempotency_key, kind, payload_hash, created_at)
            VALUES (\(deviceId), \(item.idempotencyKey), \(kind), \(hashBytes), \(item.createdAt))
            ON CONFLICT (device_id, idempotency_key) DO NOTHING
            RETURNING id
            """, logger: logger)
        guard let row = inserted.first else {
            // The key is taken (by a committed transaction: ON CONFLICT waited for any in flight).
            let existing = try await connection.rows(
                """
                SELECT id, payload_hash FROM submission
                WHERE device_id = \(deviceId) AND idempotency_key = \(item.idempotencyKey)
                """, logger: logger)
            guard let stored = existing.first else { throw SubmissionStoreError.vanished(key: item.idempotencyKey) }
            let (id, storedHash) = try stored.decode((UUID, ByteBuffer).self)
            return Data(storedHash.readableBytesView) == hash ? .duplicate(id) : .keyReused
        }
        let submissionId = try row.decode(UUID.self)
        let businessRows: [PostgresRow]
        switch payload {
        case .mailRequest(let request):
            businessRows = try await connection.rows(
                """
                INSERT INTO mail_request (submission_id, device_id, case_number, recipient_name, phone,
                    region_code, address, postcode, certificate_name, requested_at)
                VALUES (\(submissionId), \(deviceId), \(request.caseNumber), \(request.recipientName),
                    \(request.phone), \(request.regionCode), \(request.address), \(request.postcode),
                    \(request.certificateName), \(request.requestedAt))
                ON CONFLICT (case_number) WHERE status <> 'returned' DO NOTHING
                RETURNING id
                """, logger: logger)
        case .evaluation(let evaluation):
            let record = String(decoding: try ProtocolCoding.encoder().encode(evaluation), as: UTF8.self)
            businessRows = try await connection.rows(
                """
                INSERT INTO evaluation (submission_id, device_id, case_number, channel, round, level,
                    region_code, rated_at, record)
                VALUES (\(submissionId), \(deviceId), \(evaluation.caseNumber), \(evaluation.channel),
                    \(evaluation.round), \(evaluation.level.levelNumber), \(evaluation.regionCode),
                    \(evaluation.ratedAt), \(record)::jsonb)
                ON CONFLICT (case_number, channel, round) DO NOTHING
                RETURNING id
                """, logger: logger)
        }
        guard !businessRows.isEmpty else { return .conflict }
        let target = submissionId.uuidString.lowercased()
        let detail = "\(kind) \(payload.caseNumber) key \(item.idempotencyKey)"
        _ = try await connection.rows(
            """
            INSERT INTO audit_log (actor, action, target, detail)
            VALUES (\(deviceId), 'submission.accepted', \(target), \(detail))
            """, logger: logger)
        return .accepted(submissionId)
    }

    /// The submission id of the business row that holds the item's business key (committed).
    private func existingHolder(of payload: SubmissionPayload) async throws -> UUID? {
        let rows: [PostgresRow]
        switch payload {
        case .mailRequest(let request):
            rows = try await database.rows(
                """
                SELECT submission_id FROM mail_request
                WHERE case_number = \(request.caseNumber) AND status <> 'returned'
                """)
        case .evaluation(let evaluation):
            rows = try await database.rows(
                """
                SELECT submission_id FROM evaluation
                WHERE case_number = \(evaluation.caseNumber) AND channel = \(evaluation.channel)
                    AND round = \(evaluation.round)
                """)
        }
        return try rows.first?.decode(UUID.self)
    }
}

extension SubmissionPayload {
    /// The business rule a `conflict` names.
    var conflictReason: String {
        switch self {
        case .mailRequest: "this case already has a live mail request"
        case .evaluation: "this rating round of the case already exists"
        }
    }
}

/// A submission row that disappeared between the conflicting insert and the read (never expected:
/// submissions are not deleted).
struct SubmissionStoreError: Error, CustomStringConvertible, Sendable {
    private enum Kind: Sendable { case vanished(key: String) }
    private let kind: Kind

    static func vanished(key: String) -> SubmissionStoreError { SubmissionStoreError(kind: .vanished(key: key)) }

    var description: String {
        switch kind {
        case .vanished(let key): "submission with idempotency key \(key) vanished during the conflict check"
        }
    }
}
