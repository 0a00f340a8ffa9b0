import Foundation
import KioskProtocol
import KioskSync

/// A gateway that answers from a script, for fault injection the real gateway cannot be made to do
/// on cue (a 503 with `Retry-After` at a given call, a batch answered partly). The real-gateway
/// tests are in KioskGatewayTests/Sync.
actor ScriptedTransport: GatewayTransport {
    typealias Answer = @Sendable (GatewayRequest) -> GatewayResponse

    private var answer: Answer
    private(set) var requests: [GatewayRequest] = []

    init(_ answer: @escaping Answer) { self.answer = answer }

    func script(_ answer: @escaping Answer) { self.answer = answer }

    func send(_ request: GatewayRequest) async throws(TransportError) -> GatewayResponse {
        requests.append(request)
        return answer(request)
    }

    var counters: TransferCounters { TransferCounters() }

    func count(path prefix: String) -> Int { requests.filter { $0.path.hasPrefix(prefix) }.count }

    /// 200 with `value` as the device API encodes it.
    static func json(_ value: some Encodable, status: Int = 200, headers: [String: String] = [:]) -> GatewayResponse {
        GatewayResponse(status: status, headers: headers, body: (try? ProtocolCoding.encoder().encode(value)) ?? Data())
    }

    /// The ordinary answers of an idle gateway: heartbeat, an empty page, 304 config.
    static func idle(_ request: GatewayRequest) -> GatewayResponse? {
        if request.path.hasPrefix("/v1/device/heartbeat") {
            return json(
                HeartbeatResponse(
                    serverTime: Date(), nextHeartbeatS: 60, syncIntervalS: 60, configVersion: "v0", commands: []))
        }
        if request.path.hasPrefix("/v1/device/changes") {
            return json(ChangePage(changes: [], nextCursor: "c1", hasMore: false))
        }
        if request.path.hasPrefix("/v1/device/config") {
            return json(DeviceConfigDocument(version: "v0", settings: [:], announcements: []))
        }
        return nil
    }
}
