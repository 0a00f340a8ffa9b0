import Foundation

/// Turns audit events into an export file's bytes (CSV or JSON) for auditors.
///
/// Times are ISO 8601 with the UTC offset of `timeZone` (the kiosk's local time by default).
/// The subject and detail were masked when the events were made, so nothing personal is
/// unmasked here.
package enum AuditExport {
    /// The CSV header, which is also the JSON keys.
    package static let columns = ["id", "time", "terminalId", "event", "outcome", "subject", "detail"]

    /// The bytes of `events` in `format`.
    package static func render(_ events: [AuditEvent], format: AuditExportFormat, timeZone: TimeZone = .current)
        throws -> Data
    {
        switch format {
        case .csv: Data(csv(events, timeZone: timeZone).utf8)
        case .json: try json(events, timeZone: timeZone)
        }
    }

    /// RFC 4180 CSV through ``CSVWriter``: a header, then one line per event. Cells that a
    /// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) get a
    /// leading apostrophe.
    package static func csv(_ events: [AuditEvent], timeZone: TimeZone = .current) -> String {
        let rows = events.map { event in
            [
                event.id.map(String.init) ?? "", timestamp(event.time, timeZone: timeZone), event.terminalId,
                event.event, event.outcome, event.subject ?? "", event.detail ?? "",
            ]
        }
        return CSVWriter.document(header: columns, rows: rows)
    }

    /// A pretty-printed JSON array; absent subject/detail are `null`.
    package static func json(_ events: [AuditEvent], timeZone: TimeZone = .current) throws -> Data {
        let rows = events.map { event in
            Row(
                id: event.id, time: timestamp(event.time, timeZone: timeZone), terminalId: event.terminalId,
                event: event.event, outcome: event.outcome, subject: event.subject, detail: event.detail)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(rows)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// `time` as ISO 8601 with milliseconds and the zone's offset, e.g. `2026-05-01T09:30:00.000+08:00`.
    package static func timestamp(_ time: Date, timeZone: TimeZone) -> String {
        var style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: timeZone)
        style = style.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .colon)
        return time.formatted(style)
    }

    /// One exported event.
    private struct Row: Encodable {
        let id: Int64?
        let time: String
        let terminalId: String
        let event: String
        let outcome: String
        let subject: String?
        let detail: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(time, forKey: .time)
            try container.encode(terminalId, forKey: .terminalId)
            try container.encode(event, forKey: .event)
            try container.encode(outcome, forKey: .outcome)
            try container.encode(subject, forKey: .subject)
            try container.encode(detail, forKey: .detail)
        }

        enum CodingKeys: String, CodingKey {
            case id, time, terminalId, event, outcome, subject, detail
        }
    }
}
