import Foundation
import GRDB

/// The outcome of ``AppDatabase/submitEvaluation(_:terminalId:)``.
package enum EvaluationSubmission: Sendable, Equatable {
    case created(Evaluation)
    /// The same idempotency key was already stored: this is it.
    case existing(Evaluation)

    package var evaluation: Evaluation {
        switch self {
        case .created(let evaluation), .existing(let evaluation): evaluation
        }
    }
}

extension AppDatabase {
    /// Stores a rating with its outbox row and a masked audit row in one durable transaction.
    ///
    /// One rating per 办件 per channel plus at most one 追评 (R20): round 1 twice, or round 2
    /// without round 1, is refused. The same idempotency key returns the stored rating.
    ///
    /// - Throws: ``EvaluationError`` (nothing stored) or a database error.
    package func submitEvaluation(_ evaluation: Evaluation, terminalId: String) async throws -> EvaluationSubmission {
        let evaluation = try evaluation.validated()
        return try await writer.write { db in
            if let existing = try Evaluation.stored(idempotencyKey: evaluation.idempotencyKey, in: db) {
                return .existing(existing)
            }
            let rounds = try Int.fetchSet(
                db,
                Evaluation.filter(Evaluation.Columns.caseNumber == evaluation.caseNumber)
                    .filter(Evaluation.Columns.channel == evaluation.channel)
                    .select(Evaluation.Columns.round))
            if rounds.contains(evaluation.round) { throw EvaluationError.alreadyRated(round: evaluation.round) }
            if evaluation.round == 2 && !rounds.contains(1) { throw EvaluationError.followUpWithoutFirst }
            let stored = try evaluation.insertWithOutboxEntry(db, createdAt: evaluation.ratedAt)
            let callback = stored.callbackPhone.map { " 回访电话 \(Masking.phone($0))" } ?? ""
            var audit = AuditEvent(
                time: stored.ratedAt, terminalId: terminalId, event: "evaluation.submitted", outcome: "success",
                subject: "办件 \(stored.caseNumber)\(callback)",
                detail: "level \(stored.level.rawValue), round \(stored.round), channel \(stored.channel)")
            try audit.insert(db)
            return .created(stored)
        }
    }

    /// Ratings at or after `since`, oldest first.
    package func evaluations(since: Date = .distantPast) async throws -> [Evaluation] {
        try await reader.read { db in
            try Evaluation.filter(Evaluation.Columns.ratedAt >= StoredTime(since))
                .order(Evaluation.Columns.ratedAt, Evaluation.Columns.id).fetchAll(db)
        }
    }
}
