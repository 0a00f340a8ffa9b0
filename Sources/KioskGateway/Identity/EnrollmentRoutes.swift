import Crypto
import Foundation
import Hummingbird
import KioskProtocol
import NIOCore
import PostgresNIO

/// `POST /v1/device/enroll` (no client certificate: the one-time code authenticates) and
/// `POST /v1/device/renew` (with the current certificate).
enum EnrollmentRoutes {
    static func register(on router: Router<DeviceRequestContext>, environment: DeviceAPIEnvironment) {
        router.post("/v1/device/enroll") { request, context -> CertificateResponse in
            let body = try await request.decode(as: EnrollRequest.self, context: context)
            return try await enroll(body, environment: environment)
        }
        router.group("/v1/device").add(middleware: DeviceAuthentication(environment: environment))
            .post("renew") { request, context -> CertificateResponse in
                let body = try await request.decode(as: RenewRequest.self, context: context)
                return try await issue(
                    deviceId: try context.authenticatedDevice(), csr: body.csr, action: "device.renew",
                    environment: environment)
            }
    }

    /// Spends the code (once, before it expires) and signs the CSR, in one transaction.
    static func enroll(_ body: EnrollRequest, environment: DeviceAPIEnvironment) async throws -> CertificateResponse {
        let hash = ByteBuffer(bytes: EnrollmentCode.hash(body.code))
        let spent = try await environment.database.rows(
            """
            UPDATE enrollment_code SET used_at = now()
            WHERE device_id = \(body.deviceId) AND code_hash = \(hash) AND used_at IS NULL AND expires_at > now()
            RETURNING device_id
            """)
        guard !spent.isEmpty else {
            throw ProblemError(status: .forbidden, title: "enrollment code invalid, spent or expired")
        }
        return try await issue(
            deviceId: body.deviceId, csr: body.csr, action: "device.enroll", environment: environment)
    }

    /// Signs a certificate for `deviceId` and records it on the device.
    private static func issue(
        deviceId: String, csr: String, action: String, environment: DeviceAPIEnvironment
    ) async throws -> CertificateResponse {
        let signed: (pem: String, serial: String, expiresAt: Date)
        do {
            signed = try environment.certificateAuthority.signDeviceCertificate(
                csrPEM: csr, deviceId: deviceId, days: environment.configuration.certificateDays)
        } catch let error as GatewayError {
            throw ProblemError(status: .badRequest, title: "bad CSR", detail: error.description)
        }
        try await environment.database.transaction { connection in
            _ = try await connection.rows(
                """
                UPDATE device SET enrolled_at = coalesce(enrolled_at, now()), certificate_serial = \(signed.serial),
                    certificate_expires_at = \(signed.expiresAt)
                WHERE id = \(deviceId)
                """, logger: environment.logger)
            _ = try await connection.rows(
                "INSERT INTO audit_log (actor, action, target, detail) VALUES (\(deviceId), \(action), \(deviceId), \(signed.serial))",
                logger: environment.logger)
        }
        return CertificateResponse(certificate: signed.pem, caChain: environment.certificateAuthority.chainPEM)
    }
}

/// One-time enrollment codes: 16 characters of an unambiguous alphabet, stored only as SHA-256.
enum EnrollmentCode {
    private static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// A new random code, grouped `XXXX-XXXX-XXXX-XXXX`.
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<16).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return stride(from: 0, to: 16, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// The stored form of `code` (dashes and case ignored).
    static func hash(_ code: String) -> [UInt8] {
        let normalised = code.uppercased().filter { $0 != "-" && $0 != " " }
        return Array(SHA256.hash(data: Data(normalised.utf8)))
    }
}
