import Foundation
import KioskCore
import KioskProtocol
import Logging

/// Sends the outbox upstream: batches of at most 100 rows, oldest first, each item's result
/// recorded as the design says (docs/gateway.md, "Delivery semantics"):
/// `accepted`, `duplicate` and `conflict` mark the row delivered with the submission id,
/// `keyReused` and `rejected` dead-letter it with the reason (later rows go on), and any failure of
/// the whole call (transport, 401/403, 408, 429, 5xx) changes no row's outcome.
package struct OutboxDelivery: Sendable {
    package let database: AppDatabase
    package let client: GatewayClient
    package let logger: Logger

    package init(database: AppDatabase, client: GatewayClient, logger: Logger) {
        self.database = database
        self.client = client
        self.logger = logger
    }

    /// What one round did.
    package struct Round: Sendable, Equatable {
        package var sent = 0
        package var delivered = 0
        package var deadLettered = 0
        /// A full batch went out: more rows may be waiting.
        package var mayHaveMore = false
    }

    /// Sends one batch (nothing when the outbox is empty).
    ///
    /// - Throws: ``SyncError`` when the call failed as a whole; no row was marked.
    package func deliverOnce(now: Date) async throws -> Round {
        let batch = try await database.outboxBatch(now: now, limit: SubmissionBatch.maximumItems)
        guard !batch.isEmpty else { return Round() }
        var items: [SubmissionItem] = []
        var outcomes: [OutboxOutcome] = []
        var sentIds: [String: Int64] = [:]
        for pending in batch {
            guard let id = pending.entry.id else { continue }
            guard let record = pending.record else {
                outcomes.append(OutboxOutcome(outboxId: id, result: .deadLetter(reason: "record missing")))
                continue
            }
            do {
                items.append(try Self.item(for: pending.entry, record: record))
                sentIds[pending.entry.idempotencyKey] = id
            } catch {
                outcomes.append(OutboxOutcome(outboxId: id, result: .deadLetter(reason: "cannot encode: \(error)")))
            }
        }
        var round = Round(sent: items.count, mayHaveMore: batch.count == SubmissionBatch.maximumItems)
        if !items.isEmpty {
            let answer = try await client.submit(SubmissionBatch(items: items))
            for result in answer.results {
                guard let id = sentIds.removeValue(forKey: result.idempotencyKey) else { continue }
                if result.status.isDelivered {
                    outcomes.append(
                        OutboxOutcome(
                            outboxId: id,
                            result: .delivered(submissionId: result.submissionId?.uuidString.lowercased() ?? "")))
                } else {
                    let reason = "\(result.status.rawValue): \(result.reason ?? "no reason given")"
                    outcomes.append(OutboxOutcome(outboxId: id, result: .deadLetter(reason: reason)))
                }
            }
            if !sentIds.isEmpty {
                // The gateway must answer every item; the missing ones are simply tried again.
                logger.warning(
                    "gateway answered \(answer.results.count) of \(items.count) items; the rest stay pending")
            }
        }
        try await database.recordDelivery(outcomes, at: now)
        round.delivered = outcomes.filter { if case .delivered = $0.result { true } else { false } }.count
        round.deadLettered = outcomes.count - round.delivered
        if round.deadLettered > 0 {
            logger.error("\(round.deadLettered) outbox rows dead-lettered; see kiosk gateway status")
        }
        return round
    }

    /// The submission of one outbox row: the record as the gateway decodes it.
    static func item(for entry: OutboxEntry, record: PendingSubmission.Record) throws -> SubmissionItem {
        let payload: JSONDocument
        let kind: SubmissionItem.Kind
        switch record {
        case .mailRequest(let request):
            payload = try JSONDocument(encoding: request)
            kind = .mailRequest
        case .evaluation(let evaluation):
            payload = try JSONDocument(encoding: evaluation)
            kind = .evaluation
        }
        return SubmissionItem(
            idempotencyKey: entry.idempotencyKey, kind: kind, createdAt: entry.createdAt, payload: payload)
    }
}
