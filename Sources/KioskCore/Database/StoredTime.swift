import Foundation
import GRDB

/// A `Date` in the database: `yyyy-MM-dd HH:mm:ss.SSS` in UTC, the text GRDB writes for `Date`,
/// produced and read by arithmetic.
///
/// GRDB's own `Date` conversion goes through a `DateFormatter` and a `Calendar`, which on Linux load
/// ICU (code and locale data, megabytes of resident memory) into the kiosk on its first database
/// write. Every record with a `Date` column adopts ``KioskRecord`` and every query argument that is a
/// time is written as `StoredTime(date)`, so the kiosk never needs ICU while keeping the stored text
/// exactly as before (old and new rows compare and sort alike).
package struct StoredTime: DatabaseValueConvertible, Sendable, Hashable {
    package var date: Date

    package init(_ date: Date) {
        self.date = date
    }

    /// `yyyy-MM-dd HH:mm:ss.SSS` in UTC, rounded to the nearest millisecond as GRDB's formatter
    /// (CFDateFormatter) does.
    package static func text(_ date: Date) -> String {
        let milliseconds = Int((date.timeIntervalSince1970 * 1000 + 0.5).rounded(.down))
        let (days, millisecondOfDay) = ChinaTime.floorDivision(milliseconds, 86_400_000)
        let seconds = millisecondOfDay / 1000
        return CivilDate(dayNumber: days).description + " " + (seconds / 3600).zeroPadded(2) + ":"
            + (seconds % 3600 / 60).zeroPadded(2) + ":" + (seconds % 60).zeroPadded(2) + "."
            + (millisecondOfDay % 1000).zeroPadded(3)
    }

    /// `yyyy-MM-ddTHH:mm:ssZ` (ISO 8601 in UTC), or `yyyy-MM-ddTHH:mm:ss.SSSZ` with milliseconds,
    /// for log lines and audit details.
    package static func iso8601(_ date: Date, milliseconds: Bool = false) -> String {
        let text = Self.text(date)
        return text.prefix(10) + "T" + text.dropFirst(11).prefix(milliseconds ? 12 : 8) + "Z"
    }

    /// The time in `value`: SQLite date text (read in UTC, as GRDB writes it) or seconds since 1970.
    package static func date(from value: DatabaseValue) -> Date? {
        if let parsed = DatabaseDateComponents.fromDatabaseValue(value) {
            let parts = parsed.dateComponents
            guard parsed.format != .HM, parsed.format != .HMS, parsed.format != .HMSS,
                let year = parts.year, let month = parts.month, let day = parts.day
            else { return nil }
            let civil = CivilDate(year: year, month: month, day: day)
            guard civil.isValid else { return nil }
            let seconds =
                civil.dayNumber * 86_400 + (parts.hour ?? 0) * 3600 + (parts.minute ?? 0) * 60
                + (parts.second ?? 0)
            return Date(timeIntervalSince1970: Double(seconds) + Double(parts.nanosecond ?? 0) / 1e9)
        }
        return Double.fromDatabaseValue(value).map(Date.init(timeIntervalSince1970:))
    }

    package var databaseValue: DatabaseValue { Self.text(date).databaseValue }

    package static func fromDatabaseValue(_ dbValue: DatabaseValue) -> StoredTime? {
        date(from: dbValue).map(StoredTime.init)
    }
}

/// A record whose `Date` properties are stored as ``StoredTime`` text.
package protocol KioskRecord: FetchableRecord, EncodableRecord {}

extension KioskRecord {
    package static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .custom { StoredTime($0) }
    }

    package static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .custom { StoredTime.date(from: $0) }
    }
}
