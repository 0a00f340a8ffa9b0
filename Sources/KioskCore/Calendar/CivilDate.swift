import Foundation

/// A calendar day in China Standard Time (year, month, day), with no time of day.
///
/// Deadlines are counted in whole days in the kiosk's civil calendar (China Standard Time, no
/// daylight saving), so days are values of their own rather than `Date`s at some arbitrary hour.
/// All arithmetic is on ``dayNumber``; see ``ChinaTime`` for why Foundation's `Calendar` is not used.
package struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    package var year: Int
    package var month: Int
    package var day: Int

    package init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (the holiday-cn format); `nil` for anything else or an impossible day.
    package init?(iso string: String) {
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        let candidate = CivilDate(year: year, month: month, day: day)
        guard candidate.isValid else { return nil }
        self = candidate
    }

    /// The civil day `date` falls on in China Standard Time.
    package init(_ date: Date) {
        self = ChinaTime.moment(date).day
    }

    /// The day `dayNumber` days after 1970-01-01 (proleptic Gregorian calendar).
    ///
    /// The conversion is Howard Hinnant's `civil_from_days`, exact for every representable day.
    package init(dayNumber: Int) {
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153  // 0 = March
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Days since 1970-01-01 (negative before); Hinnant's `days_from_civil`.
    package var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// True when month and day name a real day of the Gregorian calendar.
    package var isValid: Bool {
        (1...12).contains(month) && (1...CivilDate.days(inMonth: month, year: year)).contains(day)
    }

    /// The number of days of `month` in `year`.
    package static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// 00:00 of this day in China Standard Time; `nil` when the day is not valid.
    package var startOfDay: Date? {
        isValid ? ChinaTime.date(self) : nil
    }

    /// 24:00 of this day (= 00:00 of the next day), the instant a day-based deadline expires.
    package var endOfDay: Date { ChinaTime.date(adding(days: 1)) }

    /// The day `days` later (or earlier when negative).
    package func adding(days: Int) -> CivilDate {
        CivilDate(dayNumber: dayNumber + days)
    }

    /// The day `months` later; the day of month is clamped to the target month's length.
    package func adding(months: Int) -> CivilDate {
        let (yearShift, monthIndex) = ChinaTime.floorDivision(month - 1 + months, 12)
        let targetYear = year + yearShift
        let targetMonth = monthIndex + 1
        return CivilDate(
            year: targetYear, month: targetMonth, day: min(day, CivilDate.days(inMonth: targetMonth, year: targetYear)))
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    package var isoWeekday: Int {
        ChinaTime.floorDivision(dayNumber + 3, 7).remainder + 1
    }

    /// Saturday or Sunday.
    package var isWeekend: Bool { isoWeekday >= 6 }

    /// `YYYY-MM-DD`.
    package var description: String {
        year.zeroPadded(4) + "-" + month.zeroPadded(2) + "-" + day.zeroPadded(2)
    }

    package static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let date = CivilDate(iso: string) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a YYYY-MM-DD date: \(string)")
        }
        self = date
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
