import Foundation

/// China Standard Time (UTC+8, no daylight saving since 1991), computed by arithmetic.
///
/// Every civil date and clock time the kiosk shows, prints, stores or counts deadlines in is China
/// Standard Time. Computing it directly, rather than through Foundation's `Calendar`, `TimeZone` and
/// `Locale`, keeps ICU (its code and locale data, several megabytes of resident memory) out of the
/// running kiosk, and makes the result independent of the machine's time-zone settings.
package enum ChinaTime {
    /// Seconds east of UTC.
    package static let offset = 8 * 3600

    /// A wall-clock moment in China Standard Time, to the second.
    package struct Moment: Hashable, Sendable {
        package var day: CivilDate
        package var hour: Int
        package var minute: Int
        package var second: Int

        package init(day: CivilDate, hour: Int, minute: Int, second: Int) {
            self.day = day
            self.hour = hour
            self.minute = minute
            self.second = second
        }
    }

    /// The wall-clock moment of `date` (fractions of a second dropped).
    package static func moment(_ date: Date) -> Moment {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let (days, secondOfDay) = floorDivision(seconds, 86_400)
        return Moment(
            day: CivilDate(dayNumber: days), hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60,
            second: secondOfDay % 60)
    }

    /// The instant of `hour:minute:second` on `day`.
    package static func date(_ day: CivilDate, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Date {
        Date(timeIntervalSince1970: Double(day.dayNumber * 86_400 + hour * 3600 + minute * 60 + second - offset))
    }

    /// Division rounding towards minus infinity, with the (non-negative) remainder.
    static func floorDivision(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let quotient = value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
        return (quotient, value - quotient * divisor)
    }
}
