import Foundation
import KioskCore
import Testing

@Suite struct EvaluationTests {
    static let now = CivilDate(iso: "2026-03-02")!.startOfDay!.addingTimeInterval(9 * 3600 + 5 * 60 + 7)

    static func rating(
        _ level: SatisfactionLevel, round: Int = 1, key: String = "e1", reasons: [String] = [],
        phone: String? = nil
    ) -> Evaluation {
        Evaluation(
            caseNumber: "DEMO-LJG-0002", level: level, reasons: reasons, callbackPhone: phone, round: round,
            ratedAt: now, regionCode: "440106", idempotencyKey: key)
    }

    @Test(arguments: [
        (SatisfactionLevel.verySatisfied, 1, 5), (.satisfied, 2, 4), (.basicallySatisfied, 3, 3),
        (.dissatisfied, 4, 2), (.veryDissatisfied, 5, 1),
    ])
    func adapterDirections(_ level: SatisfactionLevel, _ national: Int, _ zhejiang: Int) {
        #expect(EvaluationCodeAdapter.national.code(for: level) == national)
        #expect(EvaluationCodeAdapter.zhejiang.code(for: level) == zhejiang)
        #expect(EvaluationCodeAdapter.national.level(forCode: national) == level)
        #expect(EvaluationCodeAdapter.zhejiang.level(forCode: zhejiang) == level)
    }

    @Test func channelCodesDifferOnlyWhereTheProvincesDo() {
        #expect(EvaluationCodeAdapter.national.kioskChannelCode == 5)
        #expect(EvaluationCodeAdapter.zhejiang.kioskChannelCode == 5)
        #expect(EvaluationCodeAdapter.national.code(for: .phone) == 6)
        #expect(EvaluationCodeAdapter.zhejiang.code(for: .sms) == 6)
        #expect(EvaluationCodeAdapter.zhejiang.code(for: .systemDefault) == 7)
        #expect(EvaluationCodeAdapter.zhejiang.code(for: .phone) == nil)
        #expect(EvaluationCodeAdapter.national.level(forCode: 0) == nil)
        #expect(EvaluationCodeAdapter.named("zhejiang") == .zhejiang)
    }

    @Test func levelsAreNamedAsTheRulesName() {
        #expect(SatisfactionLevel.bestFirst.map(\.chineseName) == ["非常满意", "满意", "基本满意", "不满意", "非常不满意"])
        #expect(SatisfactionLevel.allCases.filter(\.isNegative) == [.dissatisfied, .veryDissatisfied])
    }

    @Test func timeIsWrittenAsGBT39046() {
        #expect(Self.rating(.satisfied).ratedAtText == "20260302T090507")
    }

    @Test(arguments: [SatisfactionLevel.dissatisfied, .veryDissatisfied])
    func negativeRatingsNeedAReason(_ level: SatisfactionLevel) throws {
        let error = #expect(throws: EvaluationError.self) { try Self.rating(level).validated() }
        #expect(error?.citizenMessage == "请选择或填写不满意的原因")
        _ = try Self.rating(level, reasons: ["501"]).validated()
        _ = try Self.rating(.satisfied).validated()
    }

    @Test func callbackPhoneMustBeAMobile() {
        #expect(throws: EvaluationError.self) {
            try Self.rating(.dissatisfied, reasons: ["x"], phone: "12345").validated()
        }
    }

    @Test func oneRatingPerCaseAndChannelPlusOneFollowUp() async throws {
        let database = try AppDatabase.inMemory()
        await #expect(throws: EvaluationError.self) {
            try await database.submitEvaluation(Self.rating(.satisfied, round: 2, key: "f0"), terminalId: "T")
        }
        let first = try await database.submitEvaluation(Self.rating(.satisfied, key: "a"), terminalId: "T")
        let again = await #expect(throws: EvaluationError.self) {
            try await database.submitEvaluation(Self.rating(.verySatisfied, key: "b"), terminalId: "T")
        }
        #expect(again?.isAlreadyRated == true)
        #expect(
            try await database.submitEvaluation(Self.rating(.satisfied, key: "a"), terminalId: "T")
                == .existing(first.evaluation))
        _ = try await database.submitEvaluation(
            Self.rating(.veryDissatisfied, round: 2, key: "c", reasons: ["502"], phone: "13912345678"), terminalId: "T")
        await #expect(throws: EvaluationError.self) {
            try await database.submitEvaluation(Self.rating(.satisfied, round: 2, key: "d"), terminalId: "T")
        }
        #expect(try await database.evaluations().map(\.round) == [1, 2])
        // Each committed rating: exactly one outbox row and one audit row, with the phone masked.
        let outbox = try await database.outboxEntries()
        #expect(outbox.map(\.kind) == [.evaluation, .evaluation])
        #expect(outbox.map(\.idempotencyKey) == ["a", "c"])
        let audit = try await database.auditEvents()
        #expect(audit.count == 2 && audit.allSatisfy { $0.event == "evaluation.submitted" })
        #expect(audit[1].subject?.contains("139****5678") == true)
        #expect(audit.allSatisfy { !(($0.subject ?? "") + ($0.detail ?? "")).contains("13912345678") })
    }
}
