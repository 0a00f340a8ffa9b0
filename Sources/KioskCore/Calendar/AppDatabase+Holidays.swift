import Foundation
import GRDB

/// Where a stored holiday day came from.
package enum HolidaySource: String, Sendable {
    /// A national holiday-cn year file.
    case national
    /// A local override file (regional holidays).
    case local
}

extension AppDatabase {
    /// Stores a holiday file, replacing what an earlier import of the same notice year (national)
    /// or the same dates (local) stored.
    ///
    /// - Returns: the number of days stored.
    @discardableResult
    package func importHolidays(_ file: HolidayFile, source: HolidaySource, now: Date) async throws -> Int {
        try await writer.write { db in
            if source == .national, let year = file.year {
                try db.execute(sql: "DELETE FROM holiday WHERE source = 'national' AND year = ?", arguments: [year])
                try db.execute(
                    sql: "INSERT OR REPLACE INTO holidayYear (year, importedAt) VALUES (?, ?)",
                    arguments: [year, StoredTime(now)])
            }
            for day in file.days {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO holiday (date, name, isOffDay, source, year) VALUES (?, ?, ?, ?, ?)",
                    arguments: [day.date.description, day.name, day.isOffDay, source.rawValue, file.year])
            }
            return file.days.count
        }
    }

    /// The calendar stored in the database (imported national years and local overrides).
    package func workingDayCalendar() async throws -> WorkingDayCalendar {
        try await reader.read { db in
            var national = HolidayFile(year: nil, days: [])
            var local = HolidayFile(year: nil, days: [])
            for row in try Row.fetchAll(db, sql: "SELECT date, name, isOffDay, source FROM holiday ORDER BY date") {
                guard let date = CivilDate(iso: row["date"]) else { continue }
                let day = HolidayFile.Day(name: row["name"], date: date, isOffDay: row["isOffDay"])
                if (row["source"] as String) == HolidaySource.local.rawValue {
                    local.days.append(day)
                } else {
                    national.days.append(day)
                }
            }
            var calendar = WorkingDayCalendar(national: [national], overrides: [local])
            for year in try Int.fetchAll(db, sql: "SELECT year FROM holidayYear") { calendar.markCovered(year: year) }
            return calendar
        }
    }
}
