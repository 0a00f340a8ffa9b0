import Foundation
import HTTPTypes
import Hummingbird
import KioskProtocol

/// 410 with a ``CursorGone`` body (`application/json`, openapi.yaml): rebuild from the snapshot.
extension FeedCursorGone: HTTPResponseError {
    var status: HTTPResponse.Status { .gone }
    var headers: HTTPFields { [.contentType: "application/json"] }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = try ProtocolCoding.encoder().encode(CursorGone(reason: reason))
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
