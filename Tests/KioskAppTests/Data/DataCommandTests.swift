import Foundation
import KioskCore
import Testing

/// `kiosk data import …` through the real binary.
@Suite struct DataCommandTests {
    static let sample = KioskProcess.assets + "/demo/applications-sample.json"

    @Test func importsTheSampleFile() async throws {
        let state = try KioskProcess.makeStateDirectory()
        let result = try await KioskProcess.run([
            "data", "import", "applications", Self.sample, "--state-directory", state,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("imported 3 applications and 1 service items"))
        let database = try AppDatabase.open(directory: state)
        #expect(try await database.caseFileCount() == 3)
        let found = try await database.caseFiles(forIdNumber: "440106198703150016")
        #expect(found.map(\.number) == ["SAMPLE-0001"])
        #expect(try await database.caseFile(number: "SAMPLE-0003", queryPassword: "234765") != nil)
    }

    @Test func aBadRecordStopsTheWholeImport() async throws {
        let state = try KioskProcess.makeStateDirectory()
        var json = try String(contentsOfFile: Self.sample, encoding: .utf8)
        json = json.replacingOccurrences(of: "\"510107199001010034\"", with: "\"510107199001010035\"")
        let file = state + "/bad.json"
        try json.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try await KioskProcess.run(["data", "import", "applications", file, "--state-directory", state])
        #expect(result.status != 0)
        #expect(result.stderr.contains("applications[1] (SAMPLE-0002), field applicantIdNumber"))
        let database = try AppDatabase.open(directory: state)
        #expect(try await database.caseFileCount() == 0)
    }

    @Test func importsAHolidayFile() async throws {
        let state = try KioskProcess.makeStateDirectory()
        let result = try await KioskProcess.run([
            "data", "import", "holidays", KioskProcess.assets + "/calendars/2026.json", "--state-directory", state,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let local = state + "/local.json"
        try #"{"region": "450000", "days": [{"name": "三月三", "date": "2026-04-20", "isOffDay": true}]}"#
            .write(toFile: local, atomically: true, encoding: .utf8)
        let localResult = try await KioskProcess.run([
            "data", "import", "holidays", "--local", local, "--state-directory", state,
        ])
        #expect(localResult.status == 0, "\(localResult.stderr)")
        let calendar = try await AppDatabase.open(directory: state).workingDayCalendar()
        #expect(calendar.coveredYears == [2026])
        #expect(!calendar.isWorkingDay(CivilDate(iso: "2026-10-02")!))
        #expect(!calendar.isWorkingDay(CivilDate(iso: "2026-04-20")!))
    }

    @Test func seedDemoStoresEverySampleCard() async throws {
        let state = try KioskProcess.makeStateDirectory()
        let result = try await KioskProcess.run(["data", "seed-demo", "--state-directory", state])
        #expect(result.status == 0, "\(result.stderr)")
        let database = try AppDatabase.open(directory: state)
        for person in DemoData.sampleCards {
            #expect(try await !database.caseFiles(forIdNumber: person.idNumber).isEmpty, "\(person.name)")
        }
        #expect(try await database.workingDayCalendar().coveredYears.contains(2026))
    }
}
