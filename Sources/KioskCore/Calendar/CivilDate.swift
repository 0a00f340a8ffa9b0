import Foundation

/// A calendar day in China Standard Time (year, month, day), with no time of day.
///
/// Deadlines are counted in whole days in the kiosk's civil calendar (Asia/Shanghai, no daylight
/// saving), so days are values of their own rather than `Date`s at some arbitrary hour.
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
        guard let date = candidate.startOfDay, CivilDate(date) == candidate else { return nil }
        self = candidate
    }

    /// The civil day `date` falls on in China Standard Time.
    package init(_ date: Date) {
        let components = CivilDate.gregorian.dateComponents([.year, .month, .day], from: date)
        self.init(year: components.year!, month: components.month!, day: components.day!)
    }

    /// The Gregorian calendar in Asia/Shanghai (UTC+8 all year).
    package static let gregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!
        calendar.locale = Locale(identifier: "en_US_POSIX")
        return calendar
    }()

    /// 00:00 of this day in China Standard Time.
    package var startOfDay: Date? {
        CivilDate.gregorian.date(from: DateComponents(year: year, month: month, day: day))
    }

    /// 24:00 of this day (= 00:00 of the next day), the instant a day-based deadline expires.
    package var endOfDay: Date { adding(days: 1).startOfDay! }

    /// The day `days` later (or earlier when negative).
    package func adding(days: Int) -> CivilDate {
        CivilDate(CivilDate.gregorian.date(byAdding: .day, value: days, to: startOfDay!)!)
    }

    /// The day `months` later; the day of month is clamped to the target month's length.
    package func adding(months: Int) -> CivilDate {
        CivilDate(CivilDate.gregorian.date(byAdding: .month, value: months, to: startOfDay!)!)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    package var isoWeekday: Int {
        let weekday = CivilDate.gregorian.component(.weekday, from: startOfDay!)  // 1 = Sunday
        return weekday == 1 ? 7 : weekday - 1
    }

    /// Saturday or Sunday.
    package var isWeekend: Bool { isoWeekday >= 6 }

    /// `YYYY-MM-DD`.
    package var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
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
