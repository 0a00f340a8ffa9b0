import Foundation
import KioskCore
import KioskProtocol

/// `kiosk-sync check`: the stored state (``SyncStatus``) plus one live call to the gateway (the
/// configuration, with the stored ETag: usually a 304 of a few hundred bytes) for reachability and
/// the clock offset. `kiosk doctor` runs it as a child process and turns it into findings, so the
/// kiosk's own binary needs no TLS.
package struct SyncCheck: Codable, Sendable, Equatable {
    package var status: SyncStatus
    /// The gateway answered over mutual TLS.
    package var reachable: Bool
    /// Its HTTP status (200/304 are healthy; 401/403: this kiosk is not, or no longer, enrolled).
    package var httpStatus: Int?
    /// Why it was not reachable, in English.
    package var error: String?
    /// Seconds the gateway's clock (its `Date` header) is ahead of this kiosk's; negative: behind.
    package var clockOffsetSeconds: Int?
    package var roundTripMilliseconds: Int?

    package static func run(
        database: AppDatabase, identity: DeviceIdentity, url: String?, proxy: String?, now: @Sendable () -> Date
    ) async throws -> SyncCheck {
        let status = try await SyncStatus.load(database: database, identity: identity, now: now())
        var check = SyncCheck(status: status, reachable: false)
        guard let enrollment = identity.enrollment() else {
            check.error = "not enrolled"
            return check
        }
        let transport = CurlTransport(
            settings: .init(
                baseURL: url ?? enrollment.url, caFile: identity.caPath,
                clientCertificate: (identity.certificatePath, identity.keyPath), proxy: proxy))
        var request = GatewayRequest(method: .get, path: "/v1/device/config")
        if let etag = try await database.syncValue(SyncStateKey.configETag) {
            request.headers.append((name: "If-None-Match", value: etag))
        }
        let sent = now()
        do {
            let response = try await transport.send(request)
            let received = now()
            check.reachable = true
            check.httpStatus = response.status
            check.roundTripMilliseconds = Int(received.timeIntervalSince(sent) * 1_000)
            if let date = response.headers["date"].flatMap(GatewayResponse.httpDate) {
                // The header has whole seconds: compare with the middle of the round trip.
                let middle = sent.addingTimeInterval(received.timeIntervalSince(sent) / 2)
                check.clockOffsetSeconds = Int(date.timeIntervalSince(middle).rounded())
            }
            if response.status != 200 && response.status != 304 {
                check.error = "HTTP \(response.status)"
            }
        } catch {
            check.error = "\(error)"
        }
        return check
    }

    package func json() throws -> String {
        String(decoding: try ProtocolCoding.encoder().encode(self), as: UTF8.self)
    }
}
