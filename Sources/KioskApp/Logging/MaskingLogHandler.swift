import Foundation
import KioskCore
import Logging

/// A swift-log handler that writes one line per event and masks personal numbers on the way out.
///
/// Every message and metadata value passes through ``Masking/redactingPersonalNumbers(in:)``, so an
/// identity number or a mobile number that slipped into a log call is still written masked. Names
/// cannot be recognised in free text: log them only through ``LogValue/name(_:)``.
///
/// Format: `2026-11-21T10:00:00.123Z warning kiosk.reader: message key=value key2="a b"`.
struct MaskingLogHandler: LogHandler {
    /// Where finished lines go.
    let sink: any LogSink
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(label: String, sink: any LogSink, level: Logger.Level) {
        self.label = label
        self.sink = sink
        self.logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        sink.write(
            Self.format(
                date: Date(), level: event.level, label: label, message: "\(event.message)", metadata: merged,
                source: event.source), level: event.level)
    }

    /// Formats one line; public to the module so tests can check the exact shape.
    static func format(
        date: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata, source: String
    ) -> String {
        var line = Self.timestamp(date) + " " + level.rawValue + " " + label + ": "
        line += Masking.redactingPersonalNumbers(in: message.replacingOccurrences(of: "\n", with: " "))
        for key in metadata.keys.sorted() {
            let value = Masking.redactingPersonalNumbers(in: "\(metadata[key]!)")
            line += " " + key + "=" + (value.contains(" ") || value.isEmpty ? "\"\(value)\"" : value)
        }
        return line
    }

    private static func timestamp(_ date: Date) -> String {
        StoredTime.iso8601(date, milliseconds: true)
    }
}

/// Helpers to put personal values into log metadata masked (rule R3: never in clear in logs).
enum LogValue {
    /// A personal name, masked to its first character (`张*`).
    static func name(_ name: String) -> Logger.MetadataValue { .string(Masking.name(name)) }
    /// An identity-document number, masked to first 3 + last 4.
    static func idNumber(_ number: String) -> Logger.MetadataValue { .string(Masking.idNumber(number)) }
    /// A phone number, masked to first 3 + last 4.
    static func phone(_ phone: String) -> Logger.MetadataValue { .string(Masking.phone(phone)) }
}
