import Foundation

/// Which days are working days (rule R11), from the national holiday-cn year files plus local
/// overrides.
///
/// A working day is Monday–Friday not marked `isOffDay = true`, plus any weekend day marked
/// `isOffDay = false` (调休上班). Local overrides win over national entries. A day whose year has no
/// national file is answered from the weekday rule alone and reported as unknown, so deadlines that
/// touch it are labelled 预计 (R13).
package struct WorkingDayCalendar: Sendable, Equatable {
    /// Listed days from national files (merged; a later file wins on the same date).
    private var national: [CivilDate: Bool] = [:]
    /// Listed days from local override files.
    private var local: [CivilDate: Bool] = [:]
    /// Notice years whose national file is loaded.
    package private(set) var coveredYears: Set<Int> = []

    /// An empty calendar: weekdays only, every year unknown.
    package init() {}

    /// A calendar from national year files and local override files.
    package init(national files: [HolidayFile], overrides: [HolidayFile] = []) {
        for file in files { add(national: file) }
        for file in overrides { add(override: file) }
    }

    /// Adds one national year file; its `year` becomes covered.
    package mutating func add(national file: HolidayFile) {
        if let year = file.year { coveredYears.insert(year) }
        for day in file.days { national[day.date] = day.isOffDay }
    }

    /// Adds a local override file (regional holidays, extra make-up days).
    package mutating func add(override file: HolidayFile) {
        for day in file.days { local[day.date] = day.isOffDay }
    }

    /// Marks a year as covered although no day of it is listed (a stored year with no entries).
    package mutating func markCovered(year: Int) {
        coveredYears.insert(year)
    }

    /// `true` when the national data for `date` is known: its year's file is loaded. December days
    /// also read the Y+1 file (listed days are merged by date), but coverage comes from year Y.
    package func isKnown(_ date: CivilDate) -> Bool {
        coveredYears.contains(date.year)
    }

    /// `true` when `date` is a working day.
    package func isWorkingDay(_ date: CivilDate) -> Bool {
        if let isOffDay = local[date] { return !isOffDay }
        if let isOffDay = national[date] { return !isOffDay }
        return !date.isWeekend
    }

    /// The first working day on or after `date`.
    package func workingDay(onOrAfter date: CivilDate) -> (day: CivilDate, estimated: Bool) {
        var day = date
        var estimated = !isKnown(day)
        while !isWorkingDay(day) {
            day = day.adding(days: 1)
            estimated = estimated || !isKnown(day)
        }
        return (day, estimated)
    }

    /// All listed days (national then local), for storage and inspection.
    package var listedDays: [(date: CivilDate, isOffDay: Bool, isLocal: Bool)] {
        national.map { ($0.key, $0.value, false) }.sorted { $0.0 < $1.0 }
            + local.map { ($0.key, $0.value, true) }.sorted { $0.0 < $1.0 }
    }
}

extension WorkingDayCalendar {
    /// The national year files bundled under `assets/calendars/*.json` (files that fail to decode
    /// are reported, not skipped silently).
    ///
    /// - Throws: the first ``HolidayFileError`` or I/O error, naming the file.
    package static func bundled(assets: AssetLocator.Assets) throws -> WorkingDayCalendar {
        let directory = assets.calendars
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        var files: [HolidayFile] = []
        for name in names {
            let url = directory.appendingPathComponent(name)
            do {
                files.append(try HolidayFile.decode(Data(contentsOf: url)))
            } catch {
                throw CalendarLoadError(path: url.path, underlying: String(describing: error))
            }
        }
        return WorkingDayCalendar(national: files)
    }
}

/// A bundled or override calendar file could not be read.
package struct CalendarLoadError: Error, CustomStringConvertible, Sendable {
    package let path: String
    package let underlying: String
    package var description: String { "cannot load the holiday calendar \(path): \(underlying)" }
}
