import Foundation
import KioskProtocol

/// The device API, typed: encodes requests and decodes answers with ``ProtocolCoding``, and turns
/// any status it does not expect into a ``SyncError`` carrying the status and `Retry-After`.
package struct GatewayClient: Sendable {
    package let transport: any GatewayTransport
    private let now: @Sendable () -> Date

    package init(transport: any GatewayTransport, now: @escaping @Sendable () -> Date = { Date() }) {
        self.transport = transport
        self.now = now
    }

    package func enroll(_ body: EnrollRequest) async throws(SyncError) -> CertificateResponse {
        try await decode(CertificateResponse.self, from: call(.post, "/v1/device/enroll", body: body))
    }

    package func renew(_ body: RenewRequest) async throws(SyncError) -> CertificateResponse {
        try await decode(CertificateResponse.self, from: call(.post, "/v1/device/renew", body: body))
    }

    package func heartbeat(_ body: HeartbeatRequest) async throws(SyncError) -> HeartbeatResponse {
        try await decode(HeartbeatResponse.self, from: call(.post, "/v1/device/heartbeat", body: body))
    }

    package func submit(_ batch: SubmissionBatch) async throws(SyncError) -> SubmissionResults {
        try await decode(SubmissionResults.self, from: call(.post, "/v1/device/submissions", body: batch))
    }

    /// A page of changes, or nil when the gateway answered 410 (rebuild from the snapshot).
    package func changes(cursor: String?, limit: Int) async throws(SyncError) -> ChangePage? {
        var path = "/v1/device/changes?limit=\(limit)"
        if let cursor { path += "&cursor=" + Self.queryEscaped(cursor) }
        let response = try await send(GatewayRequest(method: .get, path: path), accepting: [200, 410])
        if response.status == 410 { return nil }
        return try decode(ChangePage.self, from: response)
    }

    package func snapshot(page: String?) async throws(SyncError) -> SnapshotPage {
        var path = "/v1/device/snapshot"
        if let page { path += "?page=" + Self.queryEscaped(page) }
        return try await decode(
            SnapshotPage.self, from: send(GatewayRequest(method: .get, path: path), accepting: [200]))
    }

    /// The configuration, or nil when it is still `etag` (304).
    package func config(ifNoneMatch etag: String?) async throws(SyncError) -> (
        document: DeviceConfigDocument, etag: String?
    )? {
        var request = GatewayRequest(method: .get, path: "/v1/device/config")
        if let etag { request.headers.append((name: "If-None-Match", value: etag)) }
        let response = try await send(request, accepting: [200, 304])
        if response.status == 304 { return nil }
        return (try decode(DeviceConfigDocument.self, from: response), response.headers["etag"])
    }

    // MARK: -

    private func call(_ method: GatewayRequest.Method, _ path: String, body: some Encodable) async throws(SyncError)
        -> GatewayResponse
    {
        let data: Data
        do { data = try ProtocolCoding.encoder().encode(body) } catch {
            throw .protocolViolation("cannot encode \(path): \(error)")
        }
        return try await send(GatewayRequest(method: method, path: path, body: data), accepting: [200])
    }

    private func send(_ request: GatewayRequest, accepting statuses: Set<Int>) async throws(SyncError)
        -> GatewayResponse
    {
        let response: GatewayResponse
        do { response = try await transport.send(request) } catch { throw .transport(error) }
        guard statuses.contains(response.status) else {
            let problem = try? ProtocolCoding.decoder().decode(Problem.self, from: response.body)
            let detail =
                problem.map { [$0.title, $0.detail].compactMap { $0 }.joined(separator: ": ") }
                ?? String(decoding: response.body.prefix(200), as: UTF8.self)
            throw .http(status: response.status, detail: detail, retryAfter: response.retryAfter(now: now()))
        }
        return response
    }

    private func decode<Value: Decodable>(_ type: Value.Type, from response: GatewayResponse) throws(SyncError) -> Value
    {
        do { return try ProtocolCoding.decoder().decode(type, from: response.body) } catch {
            throw .protocolViolation("\(Value.self): \(error)")
        }
    }

    private static func queryEscaped(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
