import Foundation
import KioskCore
import Testing

@Suite struct HolidayFileTests {
    @Test func theBundled2026FileFollowsTheStateCouncilNotice() throws {
        let calendar = CalendarFixture.bundled
        #expect(calendar.coveredYears.contains(2026))
        let offDays = [
            "2026-01-01", "2026-02-15", "2026-02-23", "2026-04-06", "2026-05-05", "2026-06-19",
            "2026-09-25", "2026-10-01", "2026-10-07",
        ]
        let madeUpWorkingDays = ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]
        for day in offDays { #expect(!calendar.isWorkingDay(CivilDate(iso: day)!), "\(day)") }
        for day in madeUpWorkingDays {
            let date = CivilDate(iso: day)!
            #expect(date.isWeekend && calendar.isWorkingDay(date), "\(day)")
        }
        #expect(calendar.isWorkingDay(CivilDate(iso: "2026-02-24")!))
    }

    @Test func importerReadsTheHolidayCnFormat() throws {
        let json = """
            {"$schema": "x", "year": 2025, "papers": ["p"], "days": [
              {"name": "元旦", "date": "2025-01-01", "isOffDay": true},
              {"name": "春节", "date": "2025-01-26", "isOffDay": false}]}
            """
        let file = try HolidayFile.decode(Data(json.utf8))
        #expect(file.year == 2025)
        #expect(
            file.days == [
                .init(name: "元旦", date: CivilDate(iso: "2025-01-01")!, isOffDay: true),
                .init(name: "春节", date: CivilDate(iso: "2025-01-26")!, isOffDay: false),
            ])
    }

    @Test(arguments: [
        #"{"days": []}"#,
        #"{"year": 2026, "days": [{"name": "x", "date": "2026-02-30", "isOffDay": true}]}"#,
        #"{"year": 2026, "days": [{"name": "x", "date": "2026-01-01", "isOffDay": true}, {"name": "y", "date": "2026-01-01", "isOffDay": false}]}"#,
        #"{"year": 2026, "days": [{"name": "x", "date": "2026-01-01"}]}"#,
        "not json",
    ])
    func importerRefusesBadFiles(_ json: String) {
        #expect(throws: HolidayFileError.self) { try HolidayFile.decode(Data(json.utf8)) }
    }

    @Test func storedCalendarRoundTrips() async throws {
        let database = try AppDatabase.inMemory()
        let now = Date()
        let national = try HolidayFile.decode(
            Data(contentsOf: CalendarFixture.assets.calendars.appendingPathComponent("2026.json")))
        try await database.importHolidays(national, source: .national, now: now)
        try await database.importHolidays(
            HolidayFile(year: nil, days: [.init(name: "三月三", date: CivilDate(iso: "2026-04-20")!, isOffDay: true)]),
            source: .local, now: now)
        let calendar = try await database.workingDayCalendar()
        #expect(calendar.coveredYears == [2026])
        #expect(!calendar.isWorkingDay(CivilDate(iso: "2026-02-16")!))
        #expect(calendar.isWorkingDay(CivilDate(iso: "2026-02-14")!))
        #expect(!calendar.isWorkingDay(CivilDate(iso: "2026-04-20")!))
        #expect(!calendar.isKnown(CivilDate(iso: "2027-01-05")!))
    }
}
