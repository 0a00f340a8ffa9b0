/// RFC 4180 CSV for the files staff open in a spreadsheet (`kiosk audit export`,
/// `kiosk mail export`, `kiosk evaluations export`): the one CSV writer of the kiosk.
///
/// - Lines end in CRLF, the last one too; the text is UTF-8 as given (CJK is written as is).
/// - A cell holding `"`, `,`, CR or LF is wrapped in double quotes and its quotes are doubled.
/// - **Formula injection** (OWASP, "CSV Injection"): a cell whose first character is `=`, `+`,
///   `-`, `@`, tab (U+0009) or carriage return (U+000D) is neutralised by prefixing a single
///   quote `'`, so a spreadsheet shows it as text instead of running it (`=HYPERLINK(…)` becomes
///   `'=HYPERLINK(…)`). Numbers are not exempt: `-2` is written `'-2`, because a signed value
///   such as `-2+3` is a formula too and an exemption is one more rule to get wrong. The check is
///   on the first Unicode scalar, so `=` followed by a combining mark, or CR of a CRLF pair, is
///   caught as well.
package enum CSVWriter {
    /// The whole file: `header`, then each row, every line ended by CRLF.
    package static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(line).joined()
    }

    /// One record with its CRLF.
    package static func line(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    /// One cell, neutralised and quoted as the rules above say.
    package static func cell(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, formulaLeaders.contains(first) {
            value = "'" + value
        }
        guard value.unicodeScalars.contains(where: quotingTriggers.contains) else { return value }
        // Scalar by scalar: a quote followed by a combining mark is one Character, not `"`.
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in value.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }

    /// First characters a spreadsheet reads as the start of a formula.
    private static let formulaLeaders: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Characters that need the cell quoted.
    private static let quotingTriggers: Set<Unicode.Scalar> = ["\"", ",", "\r", "\n"]
}
