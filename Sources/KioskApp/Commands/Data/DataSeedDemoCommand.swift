import ArgumentParser
import Foundation
import KioskCore

/// `kiosk data seed-demo`: stores the invented demo 办件 and the bundled calendars.
struct DataSeedDemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-demo",
        abstract: "Store the invented demo applications (dated relative to now) and the bundled calendars."
    )

    @OptionGroup var state: StateOptions

    func run() async throws {
        let database = try state.openDatabase()
        let assets = try AssetLocator.locate()
        let names = try FileManager.default.contentsOfDirectory(atPath: assets.calendars.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        for name in names {
            let file = try HolidayFile.decode(Data(contentsOf: assets.calendars.appendingPathComponent(name)))
            try await database.importHolidays(file, source: .national, now: Date())
        }
        let count = try await DemoData.seed(into: database, now: Date())
        print("stored \(count) demo applications and \(names.count) calendar files")
    }
}
