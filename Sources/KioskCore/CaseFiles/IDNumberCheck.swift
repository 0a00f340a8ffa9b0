import Foundation

/// The GB 11643 checks the importer applies to applicant and agent numbers (rule R2): 18 characters,
/// 17 digits then a digit or `X`, the ISO 7064 MOD 11-2 check character, a plausible birth date.
/// Unknown or retired address codes are accepted. (The typed identity model of the card reader lives
/// elsewhere; this is the minimum the replica needs to refuse garbage.)
package enum IDNumberCheck {
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// `true` when `number` passes every check.
    package static func isValid(_ number: String) -> Bool {
        let characters = Array(number)
        guard characters.count == 18, characters.prefix(17).allSatisfy(\.isASCIIDigit) else { return false }
        let sum = zip(characters.prefix(17), weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        guard characters[17] == checkCharacters[sum % 11] else { return false }
        let birth = String(characters[6..<14])
        guard let year = Int(birth.prefix(4)), (1900...2100).contains(year),
            let date = CivilDate(
                iso: "\(birth.prefix(4))-\(birth.dropFirst(4).prefix(2))-\(birth.suffix(2))")
        else { return false }
        return date.year == year
    }
}
