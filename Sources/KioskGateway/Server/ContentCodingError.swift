import HTTPTypes

/// Why a request body's `Content-Encoding` could not be undone; answered as problem+json through
/// ``problem`` (415 for a coding the gateway does not know, 400 for a corrupt or truncated gzip
/// stream, 413 when the inflated body would pass the context's upload limit).
struct ContentCodingError: Error, Equatable, CustomStringConvertible {
    private enum Base: Equatable {
        case unsupported(String)
        case corrupt
        case tooLarge(limit: Int)
    }

    private let base: Base

    /// A content coding other than gzip (or identity).
    static func unsupported(_ coding: String) -> ContentCodingError { ContentCodingError(base: .unsupported(coding)) }
    /// Not a gzip stream, a damaged one, one that stops short, or one with bytes after its end.
    static let corrupt = ContentCodingError(base: .corrupt)
    /// The body, compressed or inflated, is larger than `limit` bytes.
    static func tooLarge(limit: Int) -> ContentCodingError { ContentCodingError(base: .tooLarge(limit: limit)) }

    var description: String {
        switch base {
        case .unsupported(let coding): "unsupported content coding \(coding)"
        case .corrupt: "corrupt gzip body"
        case .tooLarge(let limit): "body larger than \(limit) bytes once inflated"
        }
    }

    /// The answer, in the device API's one error format.
    var problem: ProblemError {
        switch base {
        case .unsupported(let coding):
            // RFC 9110 §15.5.16: a 415 for a content coding says which codings are accepted.
            ProblemError(
                status: .unsupportedMediaType, title: "unsupported content encoding",
                detail: "Content-Encoding \(coding) is not accepted; send gzip or identity",
                headers: [.acceptEncoding: "gzip"])
        case .corrupt:
            ProblemError(
                status: .badRequest, title: "corrupt gzip body",
                detail: "the body is not one complete gzip stream")
        case .tooLarge(let limit):
            ProblemError(
                status: .contentTooLarge, title: "body too large",
                detail: "the inflated body is larger than \(limit) bytes")
        }
    }
}
