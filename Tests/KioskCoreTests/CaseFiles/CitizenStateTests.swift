import KioskCore
import Testing

@Suite struct CitizenStateTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var status: Int
        var result: Int?
        var delivered = false
        var expected: CitizenState
        var testDescription: String {
            "status \(status) result \(result.map(String.init) ?? "-") → \(expected.chineseName)"
        }
    }

    @Test(arguments: [
        Row(status: 1, expected: .submitted),
        Row(status: 3, expected: .accepted),
        Row(status: 6, expected: .awaitingCorrection),
        Row(status: 7, expected: .inProgress),
        Row(status: 8, expected: .inProgress),
        Row(status: 9, expected: .specialProcedure),
        Row(status: 11, expected: .finished(.approved)),
        Row(status: 11, result: 0, delivered: true, expected: .delivered),
        Row(status: 13, result: 1, expected: .finished(.refused)),
        Row(status: 5, expected: .finished(.notAccepted)),
        Row(status: 13, result: 5, expected: .finished(.returned)),
        Row(status: 11, result: 4, expected: .finished(.forwarded)),
        Row(status: 14, expected: .withdrawn),
        // 作废/删除办结 are never shown as a result.
        Row(status: 11, result: 2, expected: .askAtWindow),
        Row(status: 11, result: 3, expected: .askAtWindow),
        Row(status: 77, expected: .askAtWindow),
    ])
    func standardMapping(_ row: Row) {
        let state = StatusCodeMapping.standard.citizenState(
            statusCode: row.status, resultCode: row.result, delivered: row.delivered)
        #expect(state == row.expected)
    }

    @Test func voidedIsShownAsAskAtWindow() {
        #expect(CitizenState.askAtWindow.chineseName == "请咨询窗口")
    }

    @Test(arguments: [
        ("11010519491231002X", true), ("440106198703150016", true), ("810000199408230013", true),
        ("931156198506120011", true), ("440106198703150017", false), ("44010619870315001", false),
        ("440106198713150015", false), ("4401061987031500AX", false),
    ])
    func idNumberCheck(_ number: String, _ valid: Bool) {
        #expect(IDNumberCheck.isValid(number) == valid)
    }
}

@Suite struct StatusCodeMappingConfigurationTests {
    @Test func aProvinceNumberingCanBeConfigured() throws {
        let mapping = try StatusCodeMapping.configured(
            statuses: ["1": "received", "2": "processing", "3": "finishedApproved"], results: ["9": "voided"])
        #expect(mapping.citizenState(statusCode: 2, resultCode: nil, delivered: false) == .inProgress)
        #expect(mapping.citizenState(statusCode: 3, resultCode: 9, delivered: false) == .askAtWindow)
        #expect(mapping.citizenState(statusCode: 8, resultCode: nil, delivered: false) == .askAtWindow)
        #expect(throws: StatusCodeMappingError.self) {
            try StatusCodeMapping.configured(statuses: ["x": "received"], results: [:])
        }
        #expect(throws: StatusCodeMappingError.self) {
            try StatusCodeMapping.configured(statuses: ["1": "lost"], results: [:])
        }
    }
}
