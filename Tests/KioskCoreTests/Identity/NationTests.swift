import Testing

@testable import KioskCore

@Suite struct NationTests {
    @Test func tableHasAll56GroupsPlusOtherCodes() {
        #expect(Nation.table.count == 58)
        for code in 1...56 {
            let key = code < 10 ? "0\(code)" : "\(code)"
            #expect(Nation.table[key] != nil, "missing \(key)")
        }
    }

    @Test(arguments: [
        ("01", "汉族"), ("03", "回族"), ("46", "德昂族"), ("56", "基诺族"), ("97", "其他"), ("98", "外国血统中国籍人士"),
    ])
    func displayNames(_ code: String, _ expected: String) {
        #expect(Nation(code: code).displayName == expected)
    }

    @Test func unknownCodeIsKept() {
        let nation = Nation(code: "57")
        #expect(nation.name == nil)
        #expect(nation.displayName == "57")
    }
}
