import Testing

@testable import KioskCore

@Suite struct IdentityNumberTests {
    /// The sample cards' numbers and the reference's worked example: all valid MOD 11-2.
    @Test(arguments: [
        "11010519491231002X", "440106198703150016", "330102196207040045", "320583197809090085",
        "810000199408230013", "931156198506120011", "510107199001010034",
    ])
    func validNumbersPass(_ text: String) {
        let number = IdentityNumber(text)
        #expect(number.isWellFormed)
        #expect(number.hasValidCheckDigit)
        #expect(number.expectedCheckCharacter == text.last)
    }

    @Test func workedExampleDecodesBirthAndSex() {
        let number = IdentityNumber("11010519491231002x")
        #expect(number.text == "11010519491231002X")
        #expect(number.encodedBirthDate == CardDate(year: 1949, month: 12, day: 31))
        #expect(number.encodedSex == .female)
        #expect(number.regionPrefix == "11")
    }

    /// Every wrong check character is caught.
    @Test(arguments: Array("0123456789X").filter { $0 != "X" })
    func wrongCheckCharacterFails(_ last: Character) {
        let number = IdentityNumber("11010519491231002" + String(last))
        #expect(number.isWellFormed)
        #expect(!number.hasValidCheckDigit)
    }

    @Test(arguments: ["", "1101051949123100", "11010519491231002XX", "1101051949123100AX", "１１０１０５１９４９１２３１００２X"])
    func malformedNumbers(_ text: String) {
        let number = IdentityNumber(text)
        #expect(!number.isWellFormed)
        #expect(!number.hasValidCheckDigit)
        #expect(number.encodedBirthDate == nil)
    }

    @Test func descriptionIsMasked() {
        let number = IdentityNumber("440106198703150016")
        #expect("\(number)" == "440***********0016")
        #expect(number.masked == Masking.idNumber("440106198703150016"))
    }
}

@Suite struct CardDateTests {
    @Test func parsesDigits() throws {
        let date = try #require(CardDate(yyyymmdd: "20240229"))
        #expect(date.year == 2024 && date.month == 2 && date.day == 29)
        #expect(date.compact == "20240229")
        #expect(date.description == "2024-02-29")
    }

    @Test(arguments: ["20230229", "20231301", "20230431", "2023010", "长期", "2023 101", "00000000"])
    func rejectsNonDates(_ text: String) {
        #expect(CardDate(yyyymmdd: text) == nil)
    }

    @Test func orders() throws {
        let earlier = try #require(CardDate(yyyymmdd: "20240601"))
        let later = try #require(CardDate(yyyymmdd: "20240602"))
        #expect(earlier < later)
    }
}
