import Foundation
import GRDB
import KioskCore
import Testing

/// The strings ratings are stored under never change: renaming a case must not rename stored data.
@Suite struct EvaluationStoredValuesTests {
    @Test("every satisfaction level keeps the stored name it has always had")
    func levelRawValues() {
        let stored: [SatisfactionLevel: String] = [
            .verySatisfied: "verySatisfied", .satisfied: "satisfied", .basicallySatisfied: "basicallySatisfied",
            .dissatisfied: "dissatisfied", .veryDissatisfied: "veryDissatisfied",
        ]
        #expect(Set(stored.keys) == Set(SatisfactionLevel.allCases), "a new level needs its stored name pinned here")
        for level in SatisfactionLevel.allCases {
            #expect(level.rawValue == stored[level], "\(level)")
        }
    }

    @Test("the adapter's directions and channels keep their encoded names")
    func adapterRawValues() {
        #expect(EvaluationCodeAdapter.Direction.bestIsOne.rawValue == "bestIsOne")
        #expect(EvaluationCodeAdapter.Direction.worstIsOne.rawValue == "worstIsOne")
        #expect(
            EvaluationCodeAdapter.Channel.allCases.map(\.rawValue) == [
                "pc", "mobile", "qrCode", "hallTablet", "selfServiceTerminal", "phone", "sms", "systemDefault",
            ])
    }

    @Test("a rating stored before still decodes, and a new one is stored the same way")
    func storedRowsDecode() async throws {
        let database = try AppDatabase.inMemory()
        // The row as the kiosk has always written it: the level by name, the reasons as a JSON array
        // of the UI's reason codes.
        try await database.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO evaluation (caseNumber, channel, level, reasons, comment, callbackPhone, round,
                        ratedAt, regionCode, idempotencyKey)
                    VALUES ('DEMO-LJG-0002', 5, 'veryDissatisfied', '["slow","device"]', NULL, '13900001111', 1,
                        '2026-03-02 01:05:07.000', '440106', 'old-1')
                    """)
        }
        let old = try #require(try await database.evaluations().first)
        #expect(old.level == .veryDissatisfied)
        #expect(old.reasons == ["slow", "device"])
        #expect(old.ratedAt == Date(timeIntervalSince1970: 1_772_413_507))

        var new = Evaluation(
            caseNumber: "DEMO-LJG-0003", level: .basicallySatisfied, ratedAt: old.ratedAt, regionCode: "440106",
            idempotencyKey: "new-1")
        new = try await database.submitEvaluation(new, terminalId: "T-01").evaluation
        let level = try await database.reader.read { db in
            try String.fetchOne(db, sql: "SELECT level FROM evaluation WHERE idempotencyKey = 'new-1'")
        }
        #expect(level == "basicallySatisfied")
        #expect(new.level == .basicallySatisfied)
    }
}
