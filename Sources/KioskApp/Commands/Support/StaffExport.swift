import ArgumentParser
import Foundation
import KioskCore

/// The shared end of every staff export: rows rendered as CSV or JSON, written to a private file
/// (mode 0600, refused when it exists unless forced) or to standard output.
enum StaffExport {
    /// The export file formats.
    enum Format: String, CaseIterable {
        case csv, json
    }

    /// Renders `rows` as pretty JSON, or as CSV (``CSVWriter``: quoted, formula cells neutralised)
    /// with `header` and each row's `fields`.
    static func render<Row: Encodable>(
        _ rows: [Row], format: Format, header: [String], fields: (Row) -> [String]
    ) throws -> Data {
        switch format {
        case .json:
            return try json(rows) + Data("\n".utf8)
        case .csv:
            return Data(CSVWriter.document(header: header, rows: rows.map(fields)).utf8)
        }
    }

    /// Renders rows that know their own header and cells.
    static func render<Row: StaffExportRow>(_ rows: [Row], format: Format) throws -> Data {
        try render(rows, format: format, header: Row.header) { $0.fields }
    }

    /// `value` as the pretty, key-sorted JSON of every staff output (no trailing newline).
    static func json<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Writes `data` to `output` (private file) and says how many `noun` went there, or to stdout.
    static func emit(_ data: Data, count: Int, noun: String, output: String?, force: Bool) throws {
        if let output {
            try StaffFile.writePrivate(data, to: output, force: force)
            FileHandle.standardError.write(Data("exported \(count) \(noun) to \(output)\n".utf8))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

extension StaffExport.Format: ExpressibleByArgument {}
