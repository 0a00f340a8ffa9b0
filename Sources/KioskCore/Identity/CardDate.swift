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
            (1...CivilDate.days(inMonth: month, year: year)).contains(day)
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
        year.zeroPadded(4) + month.zeroPadded(2) + day.zeroPadded(2)
    }

    /// The date as `YYYY-MM-DD`.
    package var description: String {
        year.zeroPadded(4) + "-" + month.zeroPadded(2) + "-" + day.zeroPadded(2)
    }

    package static func < (lhs: CardDate, rhs: CardDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
