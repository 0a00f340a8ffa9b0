import Foundation

/// The JSON coding of the device API: UTF-8, times as RFC 3339 with an offset
/// (`2026-03-05T09:30:00+08:00` or `…Z`), keys as declared.
package enum ProtocolCoding {
    /// An encoder for request and response bodies (sorted keys, so equal values encode equally).
    package static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339.format(date))
        }
        return encoder
    }

    /// A decoder for request and response bodies; a time without an offset is refused.
    package static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = RFC3339.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "not an RFC 3339 time with an offset: \(text)")
            }
            return date
        }
        return decoder
    }
}

/// RFC 3339 times with an offset, with or without fractional seconds.
package enum RFC3339 {
    /// `date` in UTC with milliseconds: `2026-03-05T01:30:00.123Z`.
    package static func format(_ date: Date) -> String {
        date.formatted(
            .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true)
                .timeSeparator(.colon).timeZone(separator: .omitted))
    }

    /// Parses `text`; `nil` when it is not RFC 3339 or has no offset (Foundation's ISO 8601 parser
    /// requires the offset).
    package static func parse(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}
