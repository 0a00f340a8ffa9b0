import ArgumentParser
import Foundation

/// The `--since` value of `kiosk audit export`: a calendar day (local midnight) or an
/// ISO 8601 date-time with a zone.
struct AuditSince: ExpressibleByArgument, Sendable {
    /// The instant events are exported from.
    let date: Date
    /// The text as given, for the audit record.
    let text: String

    init?(argument: String) {
        guard let date = Self.parse(argument) else { return nil }
        self.date = date
        self.text = argument
    }

    /// Parses `YYYY-MM-DD` in `timeZone`, or a full ISO 8601 date-time with a zone
    /// (`2026-05-01T08:00:00+08:00`, `…Z`, optional fractional seconds).
    static func parse(_ text: String, timeZone: TimeZone = .current) -> Date? {
        let day = text.split(separator: "-", omittingEmptySubsequences: false)
        if day.count == 3, day[0].count == 4, day[1].count == 2, day[2].count == 2,
            let year = Int(day[0]), let month = Int(day[1]), let dayOfMonth = Int(day[2])
        {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let components = DateComponents(year: year, month: month, day: dayOfMonth)
            guard components.isValidDate(in: calendar) else { return nil }
            return calendar.date(from: components)
        }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return try? Date(text, strategy: fractional)
    }
}
