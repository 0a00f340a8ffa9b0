import Foundation
import KioskCore
import Testing

@Suite struct LocalBackOfficeTests {
    static let now = CivilDate(iso: "2026-03-11")!.startOfDay!.addingTimeInterval(10 * 3600)

    func seeded() async throws -> (AppDatabase, LocalBackOffice) {
        let database = try AppDatabase.inMemory()
        try await DemoData.seed(into: database, now: Self.now)
        return (database, LocalBackOffice(database: database, terminalId: "T-01"))
    }

    @Test func everySampleCardHasSeveralCases() async throws {
        let (_, backOffice) = try await seeded()
        for person in DemoData.sampleCards {
            let cases = try await backOffice.caseFiles(forIdNumber: person.idNumber)
            #expect(cases.count >= 2, "\(person.name)")
        }
    }

    @Test func demoDataCoversEveryStateAndDeadlineStatus() async throws {
        let cases = DemoData.caseFiles(now: Self.now)
        #expect(cases.count >= 36)
        #expect(Set(cases.map(\.number)).count == cases.count)
        let calculator = DeadlineCalculator(calendar: CalendarFixture.bundled)
        let states = Set(cases.map { $0.citizenState().key })
        for key in [
            "submitted", "accepted", "inProgress", "awaitingCorrection", "specialProcedure", "finished.approved",
            "finished.refused", "finished.notAccepted", "finished.returned", "finished.forwarded", "delivered",
            "withdrawn", "askAtWindow",
        ] {
            #expect(states.contains(key), "\(key)")
        }
        let statuses = cases.compactMap { $0.deadlineStatus(calculator: calculator, now: Self.now) }
        #expect(statuses.filter { $0 == .overdue }.count >= 3)
        #expect(statuses.filter { $0 == .dueSoon }.count >= 3)
        #expect(cases.filter(\.isMailEligible).count >= 5)
        #expect(cases.allSatisfy { IDNumberCheck.isValid($0.applicantIdNumber) })
    }

    @Test func queryPasswordLookup() async throws {
        let (_, backOffice) = try await seeded()
        for (number, password) in DemoData.queryPasswords {
            #expect(try await backOffice.application(number: number, queryPassword: password)?.number == number)
            #expect(try await backOffice.application(number: number, queryPassword: "000000") == nil)
        }
        #expect(try await backOffice.application(number: "DEMO-LJG-0001", queryPassword: "234765") == nil)
    }

    @Test func mailIsOfferedOnlyForEligibleCases() async throws {
        let (database, backOffice) = try await seeded()
        let request = MailRequestTests.request(case: "DEMO-LJG-0001", key: "x")
        let error = await #expect(throws: BackOfficeError.self) { try await backOffice.submitMailRequest(request) }
        #expect(error?.citizenMessage == "该办件暂不支持邮寄,请到窗口领取")
        let ok = try await backOffice.submitMailRequest(MailRequestTests.request(case: "DEMO-LJG-0002", key: "y"))
        guard case .created = ok else {
            Issue.record("expected a new request")
            return
        }
        let again = try await backOffice.submitMailRequest(MailRequestTests.request(case: "DEMO-LJG-0002", key: "z"))
        #expect(again == .existing(ok.request))
        #expect(try await database.outboxEntries().count == 1)
    }
}
