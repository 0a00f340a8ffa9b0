/// Reads RFC 4180 CSV back into records, as a spreadsheet would, to check what the exports wrote.
///
/// Records end at CRLF outside quotes; inside quotes `""` is one quote and line breaks belong to the
/// cell. Works on Unicode scalars, so CRLF is two scalars, never one `Character`.
enum CSVRecords {
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var cell = String.UnicodeScalarView()
        var inQuotes = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if inQuotes {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        cell.append(scalars.removeFirst())
                    } else {
                        inQuotes = false
                    }
                } else {
                    cell.append(scalar)
                }
            } else if scalar == "\"" && cell.isEmpty {
                inQuotes = true
            } else if scalar == "," {
                record.append(String(cell))
                cell = String.UnicodeScalarView()
            } else if scalar == "\r" && scalars.first == "\n" {
                scalars.removeFirst()
                record.append(String(cell))
                records.append(record)
                record = []
                cell = String.UnicodeScalarView()
            } else {
                cell.append(scalar)
            }
        }
        if !cell.isEmpty || !record.isEmpty { records.append(record + [String(cell)]) }
        return records
    }

    /// `true` when a spreadsheet would read `cell` as a formula (OWASP's list of leading characters).
    static func isFormula(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first else { return false }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first)
    }
}
