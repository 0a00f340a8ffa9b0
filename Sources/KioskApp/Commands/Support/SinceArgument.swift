import ArgumentParser
import Foundation
import KioskCore

/// The `--since` value of the staff exports (`kiosk audit export`, `kiosk mail export`): a calendar
/// day or an instant, parsed the same way by every command.
///
/// A day (`YYYY-MM-DD`) starts at 00:00 **China Standard Time** (Asia/Shanghai, UTC+8, no daylight
/// saving), the time the kiosk shows, prints and stores days in, whatever the machine's `TZ`. An
/// instant is an ISO 8601 date-time with a zone (`2026-05-01T08:00:00+08:00`, `…Z`, optional
/// fractional seconds) or GB/T 39046's `YYYYMMDDThhmmss` (China Standard Time). A date-time without
/// a zone is refused: it would mean a different instant on each machine.
struct SinceArgument: ExpressibleByArgument, Sendable, Equatable {
    /// The instant exported from (inclusive).
    let date: Date
    /// The text as given, for the audit record.
    let text: String

    init?(argument: String) {
        guard let date = Self.parse(argument) else { return nil }
        self.date = date
        self.text = argument
    }

    /// The instant `text` names, or `nil` when it is neither a valid day nor a zoned time.
    static func parse(_ text: String) -> Date? {
        if let day = CivilDate(iso: text) { return day.startOfDay }
        return CaseFileImport.parseTime(text)
    }

    /// The `--help` text, naming what is exported (`"events"`, `"requests confirmed"`).
    static func help(_ what: String) -> ArgumentHelp {
        ArgumentHelp(
            "Only \(what) at or after this time: YYYY-MM-DD (00:00 China Standard Time, UTC+8, whatever TZ says) "
                + "or ISO 8601 with a zone (2026-05-01T08:00:00+08:00).",
            valueName: "date")
    }
}
