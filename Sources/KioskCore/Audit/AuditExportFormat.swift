/// The file formats `kiosk audit export` writes.
package enum AuditExportFormat: String, CaseIterable, Sendable {
    /// RFC 4180 CSV with a header row, UTF-8, CRLF line ends.
    case csv
    /// A JSON array of objects, one per event, keys sorted.
    case json
}
