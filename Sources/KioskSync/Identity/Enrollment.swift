import Foundation
import KioskProtocol

/// `kiosk gateway enroll`: a key made here, a CSR, the one-time code, the signed certificate stored.
package enum Enrollment {
    /// Enrolls `deviceId` at `url`, trusting `caFile` for the server, and stores the identity (a copy
    /// of `caFile` is kept: the server is verified against it from then on).
    ///
    /// - Throws: ``SyncError``; a spent or expired code is the gateway's 403.
    package static func enroll(
        deviceId: String, code: String, url: String, caFile: String, proxy: String?, identity: DeviceIdentity,
        now: Date = Date()
    ) async throws -> DeviceIdentity.Enrollment {
        let request = try SigningRequest(deviceId: deviceId)
        let transport = CurlTransport(
            settings: .init(baseURL: url, caFile: caFile, clientCertificate: nil, proxy: proxy))
        let response = try await GatewayClient(transport: transport)
            .enroll(EnrollRequest(deviceId: deviceId, code: code, csr: request.csrPEM))
        let caText = try String(contentsOfFile: caFile, encoding: .utf8)
        let record = DeviceIdentity.Enrollment(deviceId: deviceId, url: url, enrolledAt: now)
        try identity.store(
            keyPEM: request.keyPEM, certificatePEM: response.certificate,
            caPEM: caText, enrollment: record)
        return record
    }

    /// Renews the certificate over the current one when it ends within `window` (30 days).
    /// Returns true when it renewed.
    package static func renewIfDue(
        client: GatewayClient, identity: DeviceIdentity, now: Date, window: TimeInterval = 30 * 86_400
    ) async throws -> Bool {
        guard let enrollment = identity.enrollment(), let expiry = identity.certificateExpiry(),
            expiry.timeIntervalSince(now) < window
        else { return false }
        let request = try SigningRequest(deviceId: enrollment.deviceId)
        let response = try await client.renew(RenewRequest(csr: request.csrPEM))
        // The server is still verified against the CA given at enrollment (trusted out of band),
        // never against a chain the server sent.
        let caText = try String(contentsOfFile: identity.caPath, encoding: .utf8)
        try identity.store(
            keyPEM: request.keyPEM, certificatePEM: response.certificate, caPEM: caText, enrollment: enrollment)
        return true
    }
}
