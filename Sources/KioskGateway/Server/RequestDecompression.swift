import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Undoes a request body's `Content-Encoding: gzip` before the routes decode it (kiosks on metered
/// links compress their submissions): the inflated body is capped at the context's
/// `maxUploadSize`, the limit the routes' decoding has for an uncompressed body (413 beyond it), a
/// corrupt stream is 400, any coding but gzip and identity 415. The routes then see a plain body:
/// no `Content-Encoding`, and `Content-Length` the inflated size.
struct RequestDecompression<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let fields = request.headers[values: .contentEncoding]
        guard !fields.isEmpty else { return try await next(request, context) }
        let codings = fields.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty && $0 != "identity" }
        var head = request.head
        head.headerFields[.contentEncoding] = nil
        guard !codings.isEmpty else { return try await next(Request(head: head, body: request.body), context) }
        guard codings == ["gzip"] || codings == ["x-gzip"] else {
            throw ContentCodingError.unsupported(codings.joined(separator: ", ")).problem
        }
        let body: ByteBuffer
        do {
            var inflater = try GzipInflater(limit: context.maxUploadSize)
            for try await chunk in request.body {
                try inflater.inflate(chunk)
            }
            body = try inflater.finish()
        } catch let error as ContentCodingError {
            context.logger.debug("request body refused", metadata: ["content_coding.error": "\(error)"])
            throw error.problem
        }
        head.headerFields[.transferEncoding] = nil
        head.headerFields[.contentLength] = String(body.readableBytes)
        // Keeps the connection's own body underneath, as Hummingbird's own `collectBody` does.
        var inflated = Request(head: head, body: request.body)
        inflated.body = RequestBody(buffer: body)
        return try await next(inflated, context)
    }
}
