import Foundation

/// Why a sync step failed, in English (logs and the command line).
package struct SyncError: Error, Sendable, CustomStringConvertible {
    private enum Kind: Sendable {
        case identity(String)
        case transport(TransportError)
        case http(status: Int, detail: String, retryAfter: Duration?)
        case protocolViolation(String)
    }

    private let kind: Kind

    static func identity(_ detail: String) -> SyncError { SyncError(kind: .identity(detail)) }
    static func transport(_ error: TransportError) -> SyncError { SyncError(kind: .transport(error)) }
    static func http(status: Int, detail: String, retryAfter: Duration?) -> SyncError {
        SyncError(kind: .http(status: status, detail: detail, retryAfter: retryAfter))
    }
    static func protocolViolation(_ detail: String) -> SyncError { SyncError(kind: .protocolViolation(detail)) }

    /// The HTTP status, when the gateway answered.
    package var status: Int? {
        if case .http(let status, _, _) = kind { return status }
        return nil
    }

    /// The gateway's `Retry-After`, when it sent one.
    package var retryAfter: Duration? {
        if case .http(_, _, let retryAfter) = kind { return retryAfter }
        return nil
    }

    /// The gateway refused this device (401/403: not enrolled, revoked): nothing is deleted, and
    /// the loop retries slowly.
    package var isAuthentication: Bool { status == 401 || status == 403 }

    /// Worth retrying by itself: transport errors, 408, 429 and 5xx.
    package var isTransient: Bool {
        switch kind {
        case .transport: true
        case .http(let status, _, _): status == 408 || status == 429 || status >= 500
        case .identity, .protocolViolation: false
        }
    }

    package var description: String {
        switch kind {
        case .identity(let detail): "identity: \(detail)"
        case .transport(let error): "\(error)"
        case .http(let status, let detail, _): "HTTP \(status): \(detail)"
        case .protocolViolation(let detail): "unexpected answer: \(detail)"
        }
    }
}
