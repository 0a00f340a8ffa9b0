import Logging

/// Wraps another swift-log handler and masks personal numbers (ID and mobile numbers) in every
/// message and metadata value before it reaches it (``Masking/redactingPersonalNumbers(in:)``).
/// The sync process logs through it to the journal; the UI process has its own line writer
/// (`MaskingLogHandler`) that masks the same way.
package struct RedactingLogHandler<Base: LogHandler>: LogHandler {
    package var base: Base

    package init(_ base: Base) { self.base = base }

    package var logLevel: Logger.Level {
        get { base.logLevel }
        set { base.logLevel = newValue }
    }

    package var metadata: Logger.Metadata {
        get { base.metadata }
        set { base.metadata = newValue }
    }

    package var metadataProvider: Logger.MetadataProvider? {
        get { base.metadataProvider }
        set { base.metadataProvider = newValue }
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { base[metadataKey: key] }
        set { base[metadataKey: key] = newValue }
    }

    package func log(event: LogEvent) {
        var event = event
        event.message = "\(Masking.redactingPersonalNumbers(in: "\(event.message)"))"
        event.metadata = event.metadata?.mapValues(Self.redacted)
        base.log(event: event)
    }

    private static func redacted(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let text): .string(Masking.redactingPersonalNumbers(in: text))
        case .stringConvertible(let convertible): .string(Masking.redactingPersonalNumbers(in: "\(convertible)"))
        case .array(let values): .array(values.map(redacted))
        case .dictionary(let values): .dictionary(values.mapValues(redacted))
        }
    }
}
