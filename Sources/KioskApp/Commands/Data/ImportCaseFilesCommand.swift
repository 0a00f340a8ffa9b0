import ArgumentParser
import Foundation
import KioskCore

/// `kiosk data import applications FILE.json`: validates every record, then stores all of them in
/// one transaction (schema: docs/data-formats.md).
struct ImportCaseFilesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "applications",
        abstract: "Import 办件 (and service items) from a JSON file; nothing is stored if one record is invalid."
    )

    @OptionGroup var state: StateOptions

    @Argument(help: "The applications JSON file.")
    var file: String

    func run() async throws {
        let data = try StaffFile.read(file)
        let content = try CaseFileImport.parse(data, now: Date())
        let database = try state.openDatabase()
        let count = try await database.importCaseFiles(content)
        print("imported \(count) applications and \(content.items.count) service items from \(file)")
    }
}
