import ArgumentParser
import Foundation
import KioskCore

/// The options the staff exports of rows share: the format, the private output file, and `--force`.
struct ExportOptions: ParsableArguments {
    @Option(name: .long, help: "csv or json.")
    var format: StaffExport.Format = .csv

    @Option(name: .long, help: "Write to this file (created with mode 0600) instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "Replace an existing output file.")
    var force = false

    /// Renders `rows` in the chosen format and writes them to the chosen place, naming them `noun`.
    func write<Row: StaffExportRow>(_ rows: [Row], noun: String) throws {
        let data = try StaffExport.render(rows, format: format)
        try StaffExport.emit(data, count: rows.count, noun: noun, output: output, force: force)
    }
}
