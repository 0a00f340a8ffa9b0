/// A failure of kiosk-gateway's own (configuration, CA, migration, command line), with context.
struct GatewayError: Error, CustomStringConvertible, Sendable {
    private enum Kind: Sendable {
        case configuration
        case migration
        case certificateAuthority
        case usage
    }

    private let kind: Kind
    private let message: String

    static func configuration(_ message: String) -> GatewayError {
        GatewayError(kind: .configuration, message: message)
    }
    static func migration(_ message: String) -> GatewayError { GatewayError(kind: .migration, message: message) }
    static func certificateAuthority(_ message: String) -> GatewayError {
        GatewayError(kind: .certificateAuthority, message: message)
    }
    static func usage(_ message: String) -> GatewayError { GatewayError(kind: .usage, message: message) }

    var description: String {
        switch kind {
        case .configuration: "configuration: \(message)"
        case .migration: "migration: \(message)"
        case .certificateAuthority: "CA: \(message)"
        case .usage: message
        }
    }
}
