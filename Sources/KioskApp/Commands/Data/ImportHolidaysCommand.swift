import ArgumentParser
import Foundation
import KioskCore

/// `kiosk data import holidays FILE.json`: a holiday-cn year file, or a local override file.
struct ImportHolidaysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays",
        abstract: "Import a holiday-cn year file (or, with --local, a regional override file)."
    )

    @OptionGroup var state: StateOptions

    @Flag(name: .long, help: "The file lists local (regional) holidays that override the national calendar.")
    var local = false

    @Argument(help: "The JSON file (holiday-cn format).")
    var file: String

    func run() async throws {
        let holidays = try HolidayFile.decode(try StaffFile.read(file), requireYear: !local)
        let database = try state.openDatabase()
        let count = try await database.importHolidays(holidays, source: local ? .local : .national, now: Date())
        let what = local ? "local override days" : "days of the \(holidays.year.map(String.init) ?? "?") calendar"
        print("imported \(count) \(what) from \(file)")
    }
}
