/// A calendar date as printed on an identity card (`YYYYMMDD`), without time or time zone.
///
/// Cards carry plain Gregorian dates; the kiosk compares them with "today" in the terminal's own
/// calendar, so no `Date`/`TimeZone` arithmetic is involved.
package struct CardDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let day: Int

    /// Creates a date when `year`, `month` and `day` form a real Gregorian date (years 1800–2999).
    package init?(year: Int, month: Int, day: Int) {
        guard (1800...2999).contains(year), (1...12).contains(month),
            (1...CardDate.days(inMonth: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses eight ASCII digits `YYYYMMDD`; anything else (spaces, `长期`, other lengths) is `nil`.
    package init?(yyyymmdd text: some StringProtocol) {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 8, scalars.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        let digits = scalars.map { Int($0.value) - 48 }
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        self.init(year: number(0..<4), month: number(4..<6), day: number(6..<8))
    }

    /// The date as `YYYYMMDD`.
    package var compact: String {
        pad4(year) + pad2(month) + pad2(day)
    }

    /// The date as `YYYY-MM-DD`.
    package var description: String {
        pad4(year) + "-" + pad2(month) + "-" + pad2(day)
    }

    package static func < (lhs: CardDate, rhs: CardDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The number of days in `month` of `year` (Gregorian leap rules).
    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A zero-padded two-digit rendering of `value`.
private func pad2(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
}

/// A zero-padded four-digit rendering of `value`.
private func pad4(_ value: Int) -> String {
    let text = "\(value)"
    return String(repeating: "0", count: max(0, 4 - text.count)) + text
}
