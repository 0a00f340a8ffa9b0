import Foundation
import Hummingbird
import KioskProtocol
import NIOCore

/// The request context of the device API: the protocol's JSON coding, a 1 MiB body limit, the
/// channel (its TLS handler holds the client certificate) and, once authenticated, the device.
struct DeviceRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The connection, for the peer certificate.
    let channel: any Channel
    /// The device id from the verified client certificate (set by ``DeviceAuthentication``);
    /// never taken from a request body.
    var deviceId: String?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }

    var maxUploadSize: Int { 1 << 20 }
    var requestDecoder: JSONDecoder { ProtocolCoding.decoder() }
    var responseEncoder: JSONEncoder { ProtocolCoding.encoder() }

    /// The authenticated device; routes behind ``DeviceAuthentication`` only.
    func authenticatedDevice() throws -> String {
        guard let deviceId else { throw ProblemError(status: .unauthorized, title: "client certificate required") }
        return deviceId
    }
}
