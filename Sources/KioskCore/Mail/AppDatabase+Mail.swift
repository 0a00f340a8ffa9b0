import Foundation
import GRDB

/// The outcome of ``AppDatabase/submitMailRequest(_:terminalId:)``.
package enum MailSubmission: Sendable, Equatable {
    /// Stored now, with its outbox and audit rows.
    case created(MailRequest)
    /// Refused: this 办件 (or this idempotency key) already has a request; here it is.
    case existing(MailRequest)

    /// The stored request either way.
    package var request: MailRequest {
        switch self {
        case .created(let request), .existing(let request): request
        }
    }
}

/// A mail request could not be changed as asked.
package struct MailUpdateError: Error, CustomStringConvertible, Sendable, Equatable {
    private enum Kind: Sendable, Equatable {
        case notFound(Int64)
        case transition(from: MailStatus, to: MailStatus)
        case invalidWaybill
    }

    private let kind: Kind

    static func notFound(_ id: Int64) -> MailUpdateError { MailUpdateError(kind: .notFound(id)) }
    static func transition(from: MailStatus, to: MailStatus) -> MailUpdateError {
        MailUpdateError(kind: .transition(from: from, to: to))
    }
    static let invalidWaybill = MailUpdateError(kind: .invalidWaybill)

    package var description: String {
        switch kind {
        case .notFound(let id): "no mail request with id \(id)"
        case .transition(let from, let to): "a mail request cannot go from \(from.rawValue) to \(to.rawValue)"
        case .invalidWaybill: "the waybill number must be 5 to 40 letters or digits"
        }
    }
}

extension AppDatabase {
    /// Stores a confirmed mail request together with its outbox row and a masked audit row, in one
    /// durable transaction.
    ///
    /// A request whose idempotency key is already stored, or for a 办件 that already has a request,
    /// is not stored again: the existing request is returned as ``MailSubmission/existing(_:)`` (a
    /// refusal for a different key is audited as `mail.refused`).
    ///
    /// - Throws: ``MailValidationError`` for an invalid form (nothing is stored), or a database error.
    package func submitMailRequest(_ request: MailRequest, terminalId: String) async throws -> MailSubmission {
        let request = try request.validated()
        return try await writer.write { db in
            if let existing = try MailRequest.stored(idempotencyKey: request.idempotencyKey, in: db) {
                return .existing(existing)
            }
            if let existing = try MailRequest.filter(MailRequest.Columns.caseNumber == request.caseNumber).fetchOne(db)
            {
                var refusal = AuditEvent(
                    time: request.requestedAt, terminalId: terminalId, event: "mail.requested",
                    outcome: "refused-duplicate", subject: "办件 \(request.caseNumber)",
                    detail: "existing request \(existing.id ?? 0)")
                try refusal.insert(db)
                return .existing(existing)
            }
            let stored = try request.insertWithOutboxEntry(db, createdAt: request.requestedAt)
            var audit = AuditEvent(
                time: stored.requestedAt, terminalId: terminalId, event: "mail.requested", outcome: "success",
                subject: "办件 \(stored.caseNumber) 收件人 \(stored.maskedRecipient)",
                detail: "region \(stored.regionCode), \(stored.maskedAddress)")
            try audit.insert(db)
            return .created(stored)
        }
    }

    /// Mail requests, newest first, optionally only those in `status`.
    package func mailRequests(status: MailStatus? = nil) async throws -> [MailRequest] {
        try await reader.read { db in
            var request = MailRequest.order(MailRequest.Columns.requestedAt.desc, MailRequest.Columns.id.desc)
            if let status { request = request.filter(MailRequest.Columns.status == status.rawValue) }
            return try request.fetchAll(db)
        }
    }

    /// Mail requests confirmed at or after `since`, oldest first (for `kiosk mail export`).
    package func mailRequests(since: Date) async throws -> [MailRequest] {
        try await reader.read { db in
            try MailRequest.filter(MailRequest.Columns.requestedAt >= StoredTime(since))
                .order(MailRequest.Columns.requestedAt, MailRequest.Columns.id).fetchAll(db)
        }
    }

    /// The request for a 办件, if any.
    package func mailRequest(caseNumber: String) async throws -> MailRequest? {
        try await reader.read { db in
            try MailRequest.filter(MailRequest.Columns.caseNumber == caseNumber).fetchOne(db)
        }
    }

    /// Records that the request was handed to the post with `waybill` (已申请 → 已交寄), audited.
    @discardableResult
    package func markMailSent(id: Int64, waybill: String, at time: Date, terminalId: String) async throws
        -> MailRequest
    {
        guard let waybill = MailFieldRules.waybill(waybill) else { throw MailUpdateError.invalidWaybill }
        return try await updateMailStatus(id: id, to: .posted, waybill: waybill, at: time, terminalId: terminalId)
    }

    /// Moves a request to `status` (R22 transitions only), audited.
    @discardableResult
    package func updateMailStatus(
        id: Int64, to status: MailStatus, waybill: String? = nil, at time: Date, terminalId: String
    ) async throws -> MailRequest {
        try await writer.write { db in
            guard var request = try MailRequest.fetchOne(db, key: id) else { throw MailUpdateError.notFound(id) }
            guard request.status.successors.contains(status) else {
                throw MailUpdateError.transition(from: request.status, to: status)
            }
            request.status = status
            request.updatedAt = time
            if let waybill { request.waybillNumber = waybill }
            if status == .delivered { request.deliveredAt = time }
            try request.update(db)
            var audit = AuditEvent(
                time: time, terminalId: terminalId, event: "mail.status", outcome: "success",
                subject: "办件 \(request.caseNumber)", detail: "\(status.rawValue)")
            try audit.insert(db)
            return request
        }
    }

    /// Retention: clears recipient name, phone and address of requests delivered before `date`.
    ///
    /// - Parameters:
    ///   - date: requests delivered to the citizen (已签收) before this time are purged.
    ///   - now: the purge time stamp.
    ///   - requireUpstreamDelivery: on a connected kiosk, also require the request's outbox row to
    ///     have been delivered to the gateway before `date`, so personal data never goes before it
    ///     reached the gateway (``RetentionConfiguration/requireUpstreamDelivery``).
    /// - Returns: the number of requests purged.
    @discardableResult
    package func purgeDeliveredMailPersonalData(
        deliveredBefore date: Date, now: Date = Date(), requireUpstreamDelivery: Bool = false
    ) async throws -> Int {
        let upstream = requireUpstreamDelivery ? " " + Self.deliveredUpstreamCondition : ""
        return try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE mailRequest
                    SET recipientName = NULL, phone = NULL, address = NULL, personalDataPurgedAt = ?1
                    WHERE status = 'delivered' AND deliveredAt < ?2 AND personalDataPurgedAt IS NULL
                    """ + upstream, arguments: [StoredTime(now), StoredTime(date)])
            return db.changesCount
        }
    }

    /// The purge's condition on a connected kiosk: the request's outbox row reached the gateway
    /// before the cut-off (`?2`).
    private static let deliveredUpstreamCondition = """
        AND EXISTS (SELECT 1 FROM outbox WHERE outbox.kind = 'mailRequest' AND outbox.recordId = mailRequest.id
          AND outbox.deliveredAt IS NOT NULL AND outbox.deliveredAt < ?2)
        """
}
