/// One exported rating (GB/T 39046 表9 fields plus province fields).
package struct EvaluationExportRow: Codable, Sendable, Equatable, StaffExportRow {
    package var id: Int64
    package var caseNumber: String
    package var channel: Int
    package var level: String
    package var satisfactionCode: Int
    package var reasons: String
    package var comment: String
    package var callbackPhone: String
    package var round: Int
    package var ratedAt: String
    package var regionCode: String
    package var idempotencyKey: String

    package static let header = [
        "id", "caseNumber", "channel", "level", "satisfactionCode", "reasons", "comment", "callbackPhone", "round",
        "ratedAt", "regionCode", "idempotencyKey",
    ]

    /// The row of one rating, its level coded by `codes` (the province adapter).
    package init(_ evaluation: Evaluation, codes: EvaluationCodeAdapter) {
        id = evaluation.id ?? 0
        caseNumber = evaluation.caseNumber
        channel = evaluation.channel
        level = evaluation.level.chineseName
        satisfactionCode = codes.code(for: evaluation.level)
        reasons = evaluation.reasons.joined(separator: ",")
        comment = evaluation.comment ?? ""
        callbackPhone = evaluation.callbackPhone ?? ""
        round = evaluation.round
        ratedAt = evaluation.ratedAtText
        regionCode = evaluation.regionCode
        idempotencyKey = evaluation.idempotencyKey
    }

    package var fields: [String] {
        [
            String(id), caseNumber, String(channel), level, String(satisfactionCode), reasons, comment, callbackPhone,
            String(round), ratedAt, regionCode, idempotencyKey,
        ]
    }
}
