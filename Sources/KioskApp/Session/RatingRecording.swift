import Foundation
import KioskCore
import KioskUI

/// Turns the screen's 好差评 draft into the domain's ``Evaluation`` (rules R16–R19).
struct RatingRecording {
    /// The kiosk's county (the rating is filed under it).
    let regionCode: String
    let now: @Sendable () -> Date

    /// The evaluation of `number`, rated in `session`; one per 办件 and session (the idempotency key).
    func evaluation(_ draft: EvaluationDraft, number: String, session: SessionToken) -> Evaluation {
        Evaluation(
            caseNumber: number, level: draft.level, reasons: draft.reasons.map(\.rawValue),
            callbackPhone: draft.callbackPhone?.nonEmpty, ratedAt: now(), regionCode: regionCode,
            idempotencyKey: "rating-\(number)-\(session.rawValue)")
    }
}
