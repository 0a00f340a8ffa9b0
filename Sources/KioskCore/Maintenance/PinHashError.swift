/// Why a `pin_hash` value from the configuration could not be used.
package struct PinHashError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Sendable, Hashable {
        case wrongFieldCount(Int)
        case unknownScheme(String)
        case badIterations(String)
        case badSalt
        case badHash
    }

    private let kind: Kind

    /// The value does not have four `$`-separated fields.
    package static func wrongFieldCount(_ count: Int) -> PinHashError { PinHashError(kind: .wrongFieldCount(count)) }
    /// The first field is not `pbkdf2-sha256`.
    package static func unknownScheme(_ scheme: String) -> PinHashError { PinHashError(kind: .unknownScheme(scheme)) }
    /// The iteration count is not a number in the accepted range.
    package static func badIterations(_ text: String) -> PinHashError { PinHashError(kind: .badIterations(text)) }
    /// The salt is not hex or shorter than 8 bytes.
    package static let badSalt = PinHashError(kind: .badSalt)
    /// The hash is not 32 bytes of hex.
    package static let badHash = PinHashError(kind: .badHash)

    package var description: String {
        let format = "expected \(PinHash.scheme)$<iterations>$<salt-hex>$<hash-hex>"
        return switch kind {
        case .wrongFieldCount(let count): "the PIN hash has \(count) '$'-separated fields; \(format)"
        case .unknownScheme(let scheme): "unknown PIN hash scheme '\(scheme)'; \(format)"
        case .badIterations(let text):
            "the PIN hash iteration count '\(text)' is not between \(PinHash.minimumIterations) and "
                + "\(PinHash.maximumIterations)"
        case .badSalt: "the PIN hash salt is not hex of at least 8 bytes; \(format)"
        case .badHash: "the PIN hash is not 32 bytes of hex; \(format)"
        }
    }
}
