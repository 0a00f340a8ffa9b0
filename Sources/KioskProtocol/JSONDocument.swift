import Foundation

/// A JSON value carried through unchanged (records in the feed, submission payloads).
///
/// Stored as the encoded bytes of a JSON value so the gateway can pass PostgreSQL's `jsonb` text
/// to kiosks without decoding it into types it does not need.
package struct JSONDocument: Codable, Sendable, Equatable {
    /// The value's JSON text (UTF-8).
    package var json: Data

    package init(json: Data) {
        self.json = json
    }

    /// The document of an encodable value.
    package init<Value: Encodable>(encoding value: Value) throws {
        self.json = try ProtocolCoding.encoder().encode(value)
    }

    /// Decodes the document as `type`.
    package func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try ProtocolCoding.decoder().decode(type, from: json)
    }

    package init(from decoder: any Decoder) throws {
        let value = try AnyJSON(from: decoder)
        self.json = try ProtocolCoding.encoder().encode(value)
    }

    package func encode(to encoder: any Encoder) throws {
        try JSONDecoder().decode(AnyJSON.self, from: json).encode(to: encoder)
    }
}

/// Any JSON value, for passing documents through Codable.
package indirect enum AnyJSON: Codable, Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int64)
    case string(String)
    case array([AnyJSON])
    case object([String: AnyJSON])

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([AnyJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: AnyJSON].self))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
