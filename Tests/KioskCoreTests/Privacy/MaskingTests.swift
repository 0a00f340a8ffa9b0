import Testing

@testable import KioskCore

@Suite struct MaskingTests {
    @Test(arguments: [
        ("11010519491231002X", "110***********002X"),
        ("440106198703150016", "440***********0016"),
        ("1234567", "*******"),
        ("", ""),
    ])
    func idNumbers(input: String, expected: String) {
        #expect(Masking.idNumber(input) == expected)
    }

    @Test(arguments: [("张三", "张*"), ("张晓梅", "张*梅"), ("欧阳娜娜", "欧**娜"), ("吴𠮷", "吴*"), ("李", "*"), ("", "")])
    func names(input: String, expected: String) {
        #expect(Masking.name(input) == expected)
    }

    @Test func phones() {
        #expect(Masking.phone("13812345678") == "138****5678")
    }

    @Test(arguments: [
        ("北京市朝阳区示例路88号", "北京市朝阳区****"),
        ("浙江省杭州市上城区示例街5号", "浙江省杭州市上城区****"),
        ("江苏省昆山市示例路9号", "江苏省昆山市****"),
    ])
    func addresses(input: String, expected: String) {
        #expect(Masking.address(input) == expected)
    }

    @Test func redactsNumbersInFreeText() {
        let text = "id=11010519491231002X tel:13812345678 case BJ-2026-000123 amount 12 card 6222020200112233445"
        let redacted = Masking.redactingPersonalNumbers(in: text)
        #expect(
            redacted == "id=110***********002X tel:138****5678 case BJ-2026-000123 amount 12 card 622************3445")
    }
}
