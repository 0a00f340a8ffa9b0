import Foundation
import KioskCore
import Testing

@Suite struct DeadlineTests {
    let calculator = DeadlineCalculator(calendar: CalendarFixture.bundled)

    /// One row of a deadline table.
    struct Row: CustomTestStringConvertible, Sendable {
        var accepted: String
        var limit: Int
        var unit: TimeLimitUnit
        var pauses: [(String, String)] = []
        var due: String
        var estimated = false
        var note: String
        var testDescription: String { "\(note): \(accepted) + \(limit) \(unit) → \(due)" }
    }

    @Test(arguments: [
        // Spring Festival 2026: 2/15–2/23 off, 2/14 and 2/28 (Saturdays) are make-up working days.
        Row(
            accepted: "2026-02-13", limit: 5, unit: .workingDays, due: "2026-02-27",
            note: "Sat 2/14 make-up counts, the festival does not"),
        Row(accepted: "2026-02-12", limit: 3, unit: .workingDays, due: "2026-02-24", note: "across the festival"),
        Row(accepted: "2026-02-27", limit: 1, unit: .workingDays, due: "2026-02-28", note: "due on make-up Saturday"),
        Row(
            accepted: "2026-02-14", limit: 1, unit: .workingDays, due: "2026-02-24",
            note: "accepted on a make-up day, counting starts the day after"),
        // National Day 2026: 10/1–10/7 off, 9/20 (Sunday) and 10/10 (Saturday) worked; 中秋 9/25–27 off.
        Row(accepted: "2026-09-18", limit: 3, unit: .workingDays, due: "2026-09-22", note: "Sun 9/20 make-up counts"),
        Row(accepted: "2026-09-30", limit: 2, unit: .workingDays, due: "2026-10-09", note: "over the Golden Week"),
        Row(accepted: "2026-09-30", limit: 3, unit: .workingDays, due: "2026-10-10", note: "Sat 10/10 make-up counts"),
        Row(accepted: "2026-09-24", limit: 2, unit: .workingDays, due: "2026-09-29", note: "中秋 Friday off"),
        Row(accepted: "2026-09-15", limit: 20, unit: .workingDays, due: "2026-10-19", note: "20 working days"),
        // Paused intervals (补齐补正 3/3 → 3/5): 3/4 and 3/5 do not count.
        Row(accepted: "2026-03-02", limit: 5, unit: .workingDays, due: "2026-03-09", note: "no pause"),
        Row(
            accepted: "2026-03-02", limit: 5, unit: .workingDays, pauses: [("2026-03-03", "2026-03-05")],
            due: "2026-03-11", note: "two paused days"),
        Row(
            accepted: "2026-02-10", limit: 3, unit: .workingDays, pauses: [("2026-02-11", "2026-02-24")],
            due: "2026-02-26", note: "pause over the festival"),
        // Natural days: a deadline on a day off rolls to the next working day (民法典 §203).
        Row(accepted: "2026-09-26", limit: 5, unit: .naturalDays, due: "2026-10-08", note: "lands on 10/1"),
        Row(accepted: "2026-02-10", limit: 5, unit: .naturalDays, due: "2026-02-24", note: "lands on 2/15"),
        Row(accepted: "2026-03-02", limit: 5, unit: .naturalDays, due: "2026-03-09", note: "lands on a Saturday"),
        Row(accepted: "2026-02-09", limit: 5, unit: .naturalDays, due: "2026-02-14", note: "make-up Saturday works"),
        Row(
            accepted: "2026-03-02", limit: 10, unit: .naturalDays, pauses: [("2026-03-03", "2026-03-05")],
            due: "2026-03-16", note: "paused days push, then roll over the weekend"),
        Row(accepted: "2026-08-31", limit: 1, unit: .months, due: "2026-09-30", note: "one month"),
        Row(accepted: "2026-09-01", limit: 1, unit: .months, due: "2026-10-08", note: "a month into Golden Week"),
        // Missing year: weekdays only, labelled 预计.
        Row(
            accepted: "2027-03-01", limit: 5, unit: .workingDays, due: "2027-03-08", estimated: true,
            note: "2027 not bundled"),
        Row(
            accepted: "2026-12-30", limit: 3, unit: .workingDays, due: "2027-01-04", estimated: true,
            note: "runs into the missing year"),
        Row(accepted: "2026-12-01", limit: 5, unit: .workingDays, due: "2026-12-08", note: "known year"),
    ])
    func dayBasedDeadlines(_ row: Row) throws {
        let now = CalendarFixture.time(row.accepted, 12)
        let pauses = row.pauses.map {
            PausedInterval(
                kind: .correction, start: CalendarFixture.time($0.0, 10), end: CalendarFixture.time($0.1, 16))
        }
        let deadline = try #require(
            calculator.deadline(
                acceptedAt: CalendarFixture.time(row.accepted), limit: TimeLimit(row.limit, row.unit),
                approvalType: .promised, pauses: pauses, now: now))
        #expect(deadline.dueDay.description == row.due)
        #expect(deadline.dueAt == CivilDate(iso: row.due)!.endOfDay)
        #expect(deadline.isEstimated == row.estimated)
        #expect(deadline.source == .computed)
    }

    @Test(arguments: ["2026-02-14", "2026-10-03", "2026-03-04"])
    func immediateCasesAreDueTheSameDay(_ day: String) throws {
        let deadline = try #require(
            calculator.deadline(
                acceptedAt: CalendarFixture.time(day, 15), limit: TimeLimit(5, .workingDays), approvalType: .immediate,
                now: CalendarFixture.time(day, 15)))
        #expect(deadline.dueDay.description == day)
        #expect(!deadline.isEstimated)
    }

    @Test func immediateCaseInAMissingYearIsEstimated() throws {
        let deadline = try #require(
            calculator.deadline(
                acceptedAt: CalendarFixture.time("2027-05-06"), limit: nil, approvalType: .immediate,
                now: CalendarFixture.time("2027-05-06")))
        #expect(deadline.isEstimated)
    }

    @Test func hourLimitsAddPausedTime() throws {
        let deadline = try #require(
            calculator.deadline(
                acceptedAt: CalendarFixture.time("2026-03-02", 10), limit: TimeLimit(4, .hours),
                approvalType: .promised,
                pauses: [
                    PausedInterval(
                        kind: .suspension, start: CalendarFixture.time("2026-03-02", 11),
                        end: CalendarFixture.time("2026-03-02", 11, 30))
                ], now: CalendarFixture.time("2026-03-02", 16)))
        #expect(deadline.dueAt == CalendarFixture.time("2026-03-02", 14, 30))
        let minutes = try #require(
            calculator.deadline(
                acceptedAt: CalendarFixture.time("2026-03-02", 10), limit: TimeLimit(90, .minutes),
                approvalType: .promised, now: CalendarFixture.time("2026-03-02", 10)))
        #expect(minutes.dueAt == CalendarFixture.time("2026-03-02", 11, 30))
    }

    @Test func anOpenPauseRunsUntilNowAndIsFlagged() throws {
        let accepted = CalendarFixture.time("2026-03-02")
        let pause = PausedInterval(kind: .correction, start: CalendarFixture.time("2026-03-03"), end: nil)
        let early = try #require(
            calculator.deadline(
                acceptedAt: accepted, limit: TimeLimit(5, .workingDays), approvalType: .promised, pauses: [pause],
                now: CalendarFixture.time("2026-03-04")))
        let later = try #require(
            calculator.deadline(
                acceptedAt: accepted, limit: TimeLimit(5, .workingDays), approvalType: .promised, pauses: [pause],
                now: CalendarFixture.time("2026-03-06")))
        #expect(early.isPaused && later.isPaused)
        #expect(early.dueDay.description == "2026-03-10")
        #expect(later.dueDay.description == "2026-03-12")
    }

    @Test func thePlatformsPromisedDateWins() throws {
        let promised = CalendarFixture.time("2026-04-30", 17)
        let deadline = try #require(
            calculator.deadline(
                acceptedAt: CalendarFixture.time("2026-03-02"), limit: TimeLimit(5, .workingDays),
                approvalType: .promised, promisedAt: promised, now: CalendarFixture.time("2026-03-02")))
        #expect(deadline.source == .platform)
        #expect(deadline.dueAt == promised)
        #expect(deadline.dueDay.description == "2026-04-30")
    }

    @Test func decemberDatesReadTheNextYearsFile() throws {
        var calendar = CalendarFixture.bundled
        // A notice for 2027 that makes 2026-12-31 a day off sits in the 2027 file (R13).
        calendar.add(
            national: HolidayFile(
                year: 2027, days: [HolidayFile.Day(name: "元旦", date: CivilDate(iso: "2026-12-31")!, isOffDay: true)]))
        #expect(!calendar.isWorkingDay(CivilDate(iso: "2026-12-31")!))
        let deadline = try #require(
            DeadlineCalculator(calendar: calendar).deadline(
                acceptedAt: CalendarFixture.time("2026-12-29"), limit: TimeLimit(2, .workingDays),
                approvalType: .promised, now: CalendarFixture.time("2026-12-29")))
        #expect(deadline.dueDay.description == "2027-01-01")
        #expect(!deadline.isEstimated)
    }

    @Test func localOverridesWin() {
        var calendar = CalendarFixture.bundled
        let day = CivilDate(iso: "2026-03-03")!  // a Tuesday, e.g. 三月三 in Guangxi
        #expect(calendar.isWorkingDay(day))
        calendar.add(
            override: HolidayFile(year: nil, region: "450000", days: [.init(name: "三月三", date: day, isOffDay: true)]))
        #expect(!calendar.isWorkingDay(day))
    }

    struct StatusRow: CustomTestStringConvertible, Sendable {
        var now: String
        var finished: String?
        var status: DeadlineStatus
        var testDescription: String { "now \(now), finished \(finished ?? "-") → \(status)" }
    }

    /// Deadline: end of 2026-09-30 (Wednesday); the next working days after it are 10/8, 10/9.
    @Test(arguments: [
        StatusRow(now: "2026-09-21", finished: nil, status: .onTime),
        StatusRow(now: "2026-09-29", finished: nil, status: .dueSoon),
        StatusRow(now: "2026-09-30", finished: nil, status: .dueSoon),
        StatusRow(now: "2026-10-01", finished: nil, status: .overdue),
        StatusRow(now: "2026-10-09", finished: "2026-09-30", status: .finishedOnTime),
        StatusRow(now: "2026-10-09", finished: "2026-10-08", status: .finishedLate),
    ])
    func deadlineStatus(_ row: StatusRow) throws {
        let deadline = Deadline(
            dueDay: CivilDate(iso: "2026-09-30")!, dueAt: CivilDate(iso: "2026-09-30")!.endOfDay, isEstimated: false,
            isPaused: false, source: .computed)
        let status = calculator.status(
            of: deadline, finishedAt: row.finished.map { CalendarFixture.time($0) }, now: CalendarFixture.time(row.now))
        #expect(status == row.status)
    }

    @Test func theDueSoonThresholdIsConfigurable() {
        let deadline = Deadline(
            dueDay: CivilDate(iso: "2026-09-30")!, dueAt: CivilDate(iso: "2026-09-30")!.endOfDay, isEstimated: false,
            isPaused: false, source: .computed)
        let wide = DeadlineCalculator(calendar: CalendarFixture.bundled, policy: DeadlinePolicy(dueSoonWorkingDays: 7))
        #expect(wide.status(of: deadline, finishedAt: nil, now: CalendarFixture.time("2026-09-21")) == .dueSoon)
        #expect(calculator.status(of: deadline, finishedAt: nil, now: CalendarFixture.time("2026-09-21")) == .onTime)
    }
}
