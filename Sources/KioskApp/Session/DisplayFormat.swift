import Foundation
import KioskCore

/// How dates and times are written for citizens: China Standard Time, Chinese style.
enum DisplayFormat {
    /// `2026年12月3日`.
    static func day(_ date: CivilDate) -> String { "\(date.year)年\(date.month)月\(date.day)日" }

    /// `2026年11月20日 09:05`.
    static func dayAndTime(_ date: Date) -> String {
        let moment = ChinaTime.moment(date)
        return day(moment.day) + " " + clock(moment)
    }

    /// `2026-11-20 09:05`, the receipt's print time.
    static func receiptTime(_ date: Date) -> String {
        let moment = ChinaTime.moment(date)
        return moment.day.description + " " + clock(moment)
    }

    /// Today as a card date (for the expiry check), in China Standard Time.
    static func cardDate(_ date: Date) -> CardDate { CardDate(date) }

    /// `09:05`.
    private static func clock(_ moment: ChinaTime.Moment) -> String {
        moment.hour.zeroPadded(2) + ":" + moment.minute.zeroPadded(2)
    }
}
