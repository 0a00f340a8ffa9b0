import Foundation
import HTTPTypes
import Hummingbird
import KioskProtocol

/// An error answered as RFC 9457 `application/problem+json`, with optional extra headers
/// (`Retry-After`).
struct ProblemError: HTTPResponseError, Sendable {
    let status: HTTPResponse.Status
    let problem: Problem
    var extraHeaders: HTTPFields

    init(status: HTTPResponse.Status, title: String, detail: String? = nil, headers: HTTPFields = [:]) {
        self.status = status
        self.problem = Problem(status: status.code, title: title, detail: detail)
        self.extraHeaders = headers
    }

    /// 503 with `Retry-After` (load shedding, database unavailable).
    static func unavailable(_ detail: String, retryAfterSeconds: Int) -> ProblemError {
        ProblemError(
            status: .serviceUnavailable, title: "service unavailable", detail: detail,
            headers: [.retryAfter: String(retryAfterSeconds)])
    }

    var headers: HTTPFields {
        var fields = extraHeaders
        fields[.contentType] = Problem.mediaType
        return fields
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = (try? ProtocolCoding.encoder().encode(problem)) ?? Data()
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
