import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Gzips a response when the request's `Accept-Encoding` allows it and the body is at least
/// `minimumSize` bytes (a heartbeat answer is not worth gzip's 18 bytes of framing): sets
/// `Content-Encoding: gzip` and the compressed `Content-Length`, and turns a strong `ETag` weak
/// (`W/"…"`, as the gzipped bytes are another representation; If-None-Match compares weakly).
/// Every response that could be compressed carries `Vary: Accept-Encoding`, compressed or not.
/// Never compressed: HEAD, 1xx, 204, 304, 206, bodies already encoded or marked `no-transform`,
/// bodies of unknown length, and bodies that would not get smaller.
struct ResponseCompression<Context: RequestContext>: RouterMiddleware {
    var minimumSize = 256

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response = try await next(request, context)
        guard request.method != .head, Self.mayCompress(response), let length = response.body.contentLength,
            length >= minimumSize
        else { return response }
        Self.addVary(to: &response.headers)
        guard AcceptEncoding(request.headers[values: .acceptEncoding]).allowsGzip else { return response }

        let collected = CollectedBody()
        try await response.body.write(CollectingWriter(collected: collected))
        var plain = collected.buffer
        let compressed = try plain.compress(with: .gzip())
        guard compressed.readableBytes < collected.buffer.readableBytes else {
            response.body = ResponseBody(byteBuffer: collected.buffer)
            return response
        }
        response.headers[.contentEncoding] = "gzip"
        if let etag = response.headers[.eTag], !etag.hasPrefix("W/") { response.headers[.eTag] = "W/" + etag }
        if let trailers = collected.trailers {
            response.body = ResponseBody(contentLength: compressed.readableBytes) { writer in
                try await writer.write(compressed)
                try await writer.finish(trailers)
            }
        } else {
            response.body = ResponseBody(byteBuffer: compressed)
        }
        return response
    }

    private static func mayCompress(_ response: Response) -> Bool {
        let status = response.status.code
        guard status >= 200, status != 204, status != 206, status != 304 else { return false }
        if let coding = response.headers[.contentEncoding], coding.lowercased() != "identity" { return false }
        let cacheControl = response.headers[values: .cacheControl].joined(separator: ",").lowercased()
        return !cacheControl.contains("no-transform")
    }

    private static func addVary(to headers: inout HTTPFields) {
        let named = headers[values: .vary].flatMap { $0.split(separator: ",") }.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard !named.contains("accept-encoding"), !named.contains("*") else { return }
        headers.append(HTTPField(name: .vary, value: "Accept-Encoding"))
    }
}

/// What a response body wrote: its bytes and trailing headers.
private final class CollectedBody {
    var buffer = ByteBuffer()
    var trailers: HTTPFields?
}

/// Collects a response body in memory, to compress it whole.
private struct CollectingWriter: ResponseBodyWriter {
    let collected: CollectedBody

    mutating func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        collected.buffer.writeBuffer(&buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {
        collected.trailers = trailingHeaders
    }
}
