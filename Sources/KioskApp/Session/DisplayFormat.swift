import Foundation
import KioskCore

/// How dates and times are written for citizens: China Standard Time, Chinese style.
enum DisplayFormat {
    private static let zone = TimeZone(identifier: "Asia/Shanghai")!

    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// `2026年12月3日`.
    static func day(_ date: CivilDate) -> String { "\(date.year)年\(date.month)月\(date.day)日" }

    /// `2026年11月20日 09:05`.
    static func dayAndTime(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return "\(parts.year!)年\(parts.month!)月\(parts.day!)日 "
            + String(format: "%02d:%02d", parts.hour!, parts.minute!)
    }

    /// `2026-11-20 09:05`, the receipt's print time.
    static func receiptTime(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    }

    /// Today as a card date (for the expiry check), in China Standard Time.
    static func cardDate(_ date: Date) -> CardDate { CardDate(date, calendar: calendar) }
}
