/// One row of a staff export (`kiosk mail export`, `kiosk evaluations export`, and the same files
/// from kiosk-gateway's console): the CSV header its type writes and the cells of one row in that
/// order. Both products render rows through ``CSVWriter`` so their files are byte-identical.
package protocol StaffExportRow: Encodable {
    /// The CSV column names.
    static var header: [String] { get }
    /// This row's cells, in ``header`` order.
    var fields: [String] { get }
}

extension StaffExportRow {
    /// `rows` as a CSV document (``CSVWriter``: quoted, formula cells neutralised, CRLF).
    package static func csv(_ rows: [Self]) -> String {
        CSVWriter.document(header: header, rows: rows.map(\.fields))
    }
}
