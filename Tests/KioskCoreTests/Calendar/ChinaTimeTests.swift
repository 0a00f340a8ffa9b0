import Foundation
import KioskCore
import Testing

/// The arithmetic China Standard Time against Foundation's ICU-backed calendar in Asia/Shanghai.
@Suite struct ChinaTimeTests {
    /// The reference: Foundation's Gregorian calendar in Asia/Shanghai (tests may load ICU).
    private static let reference: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        return calendar
    }()

    @Test func dayNumbersMatchTheGregorianCalendarFrom1992To2100() {
        // China has had no daylight saving time since 1991, so UTC+8 is exact from 1992 on.
        var day = CivilDate(year: 1992, month: 1, day: 1)
        var date = Self.reference.date(from: DateComponents(year: 1992, month: 1, day: 1))!
        var checked = 0
        while day.year <= 2100 {
            let parts = Self.reference.dateComponents([.year, .month, .day, .weekday], from: date)
            #expect(day == CivilDate(year: parts.year!, month: parts.month!, day: parts.day!))
            #expect(day.startOfDay == date, "\(day)")
            #expect(CivilDate(date) == day)
            #expect(day.isoWeekday == (parts.weekday! == 1 ? 7 : parts.weekday! - 1), "\(day)")
            #expect(CivilDate(dayNumber: day.dayNumber) == day)
            day = day.adding(days: 1)
            date = Self.reference.date(byAdding: .day, value: 1, to: date)!
            checked += 1
        }
        #expect(checked == 39_812)
    }

    @Test(arguments: [
        ("2026-01-31", 1, "2026-02-28"), ("2024-01-31", 1, "2024-02-29"), ("2026-03-31", -1, "2026-02-28"),
        ("2026-11-30", 3, "2027-02-28"), ("2026-05-15", -17, "2024-12-15"), ("2026-12-31", 12, "2027-12-31"),
        ("2000-02-29", 12, "2001-02-28"), ("2026-08-31", 0, "2026-08-31"),
    ])
    func addingMonthsClampsLikeTheCalendar(start: String, months: Int, expected: String) throws {
        let day = try #require(CivilDate(iso: start))
        #expect(day.adding(months: months) == CivilDate(iso: expected))
        let reference = Self.reference.date(byAdding: .month, value: months, to: day.startOfDay!)!
        #expect(CivilDate(reference) == CivilDate(iso: expected))
    }

    @Test func momentsMatchTheCalendarForRandomInstants() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let date = Date(timeIntervalSince1970: Double.random(in: 700_000_000...4_100_000_000, using: &generator))
            let parts = Self.reference.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let moment = ChinaTime.moment(date)
            #expect(moment.day == CivilDate(year: parts.year!, month: parts.month!, day: parts.day!))
            let clock: [Int] = [moment.hour, moment.minute, moment.second]
            #expect(clock == [parts.hour!, parts.minute!, parts.second!])
            let whole = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
            #expect(
                ChinaTime.date(moment.day, hour: moment.hour, minute: moment.minute, second: moment.second) == whole)
        }
    }

    @Test func midnightInBeijingIsFourPMTheDayBeforeInUTC() {
        let moment = ChinaTime.moment(Date(timeIntervalSince1970: 1_789_574_400))  // 2026-09-16 16:00:00 UTC
        #expect(
            moment == ChinaTime.Moment(day: CivilDate(year: 2026, month: 9, day: 17), hour: 0, minute: 0, second: 0))
        #expect(
            ChinaTime.moment(Date(timeIntervalSince1970: 1_789_574_399)).day == CivilDate(year: 2026, month: 9, day: 16)
        )
    }

    @Test func impossibleDaysAreRejected() {
        #expect(CivilDate(iso: "2026-02-29") == nil)
        #expect(CivilDate(iso: "2024-02-29") != nil)
        #expect(CivilDate(iso: "1900-02-29") == nil)
        #expect(CivilDate(iso: "2000-02-29") != nil)
        #expect(CivilDate(iso: "2026-04-31") == nil)
        #expect(CivilDate(iso: "2026-13-01") == nil)
        #expect(CivilDate(iso: "2026-00-10") == nil)
        #expect(CivilDate(year: 2026, month: 6, day: 31).startOfDay == nil)
    }

    @Test func descriptionsAreZeroPadded() {
        #expect(CivilDate(year: 2026, month: 3, day: 5).description == "2026-03-05")
        #expect(7.zeroPadded(3) == "007")
        #expect(12345.zeroPadded(3) == "12345")
        #expect(UInt64(42).zeroPadded(10) == "0000000042")
    }
}
