import Crypto
import Foundation
import KioskTestSupport
import SwiftASN1
import Testing
import X509

/// Enrollment and device identity against the real binary, real TLS and the private PostgreSQL.
@Suite(.serialized) struct EnrollmentTests {
    @Test func aCodeWorksOnceAndTheCertificateNamesTheDevice() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let code = try await TestDevice.register(id: "kiosk-a", gateway: gateway)
        let device = TestDevice(id: "kiosk-a", gateway: gateway, directory: gateway.directory)

        let first = try await device.enroll(code: code)
        #expect(first.status == 200)
        let issued = try JSONDecoder().decode([String: String].self, from: first.body)
        let certificate = try Certificate(pemEncoded: try #require(issued["certificate"]))
        #expect(certificate.subject.description.contains("CN=kiosk-a"))
        #expect(certificate.notValidAfter.timeIntervalSinceNow > 89 * 86400)
        #expect(certificate.notValidAfter.timeIntervalSinceNow < 91 * 86400)
        #expect(issued["caChain"]?.contains("BEGIN CERTIFICATE") == true)

        let second = try await device.enroll(code: code)
        #expect(second.status == 403)
        let stored = try await database.sql(
            "SELECT enrolled_at IS NOT NULL, used_at IS NOT NULL FROM device JOIN enrollment_code ON device_id = id")
        #expect(stored == [["t", "t"]])
        let codeColumns = try await database.sql("SELECT length(code_hash) FROM enrollment_code")
        #expect(codeColumns == [["32"]], "only the SHA-256 of the code is stored")
        await gateway.stop()
        try await database.drop()
    }

    @Test func anExpiredOrForeignCodeIsRefused() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let codeA = try await TestDevice.register(id: "kiosk-a", gateway: gateway)
        _ = try await TestDevice.register(id: "kiosk-b", gateway: gateway)
        // A's code does not enroll B.
        let asB = try await TestDevice(id: "kiosk-b", gateway: gateway, directory: gateway.directory).enroll(
            code: codeA)
        #expect(asB.status == 403)
        try await database.sql(
            "UPDATE enrollment_code SET expires_at = now() - interval '1 second' WHERE device_id = 'kiosk-a'")
        let expired = try await TestDevice(id: "kiosk-a", gateway: gateway, directory: gateway.directory).enroll(
            code: codeA)
        #expect(expired.status == 403)
        await gateway.stop()
        try await database.drop()
    }

    @Test func deviceCallsNeedACertificateFromTheGatewaysCA() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let device = try await TestDevice.enroll(id: "kiosk-a", gateway: gateway)

        let anonymous = try await device.request(
            "POST", "/v1/device/renew", json: Data("{}".utf8), clientCertificate: false)
        #expect(anonymous.status == 401)
        #expect(anonymous.headers["content-type"] == "application/problem+json")

        // A certificate for the same name from another CA: the TLS handshake fails.
        let foreignKey = P256.Signing.PrivateKey()
        let name = try DistinguishedName { CommonName("kiosk-a") }
        let foreign = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(foreignKey.publicKey),
            notValidBefore: Date().addingTimeInterval(-60), notValidAfter: Date().addingTimeInterval(86400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions { try ExtendedKeyUsage([.clientAuth]) },
            issuerPrivateKey: .init(foreignKey))
        let impostor = TestDevice(id: "impostor", gateway: gateway, directory: gateway.directory)
        try Data(foreignKey.pemRepresentation.utf8).write(to: URL(fileURLWithPath: impostor.keyPath))
        try Data(try foreign.serializeAsPEM().pemString.utf8).write(to: URL(fileURLWithPath: impostor.certificatePath))
        let refused = try await impostor.request("POST", "/v1/device/renew", json: Data("{}".utf8))
        #expect(refused.status == 0 && refused.curlStatus != 0, "handshake must fail: \(refused.curlError)")

        // The enrolled device gets through authentication (a bad CSR is then a 400, not a 401/403).
        let authenticated = try await device.request("POST", "/v1/device/renew", json: Data(#"{"csr":"x"}"#.utf8))
        #expect(authenticated.status == 400)
        await gateway.stop()
        try await database.drop()
    }

    @Test func renewalKeepsTheDeviceIdWhateverTheCSRSays() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let device = try await TestDevice.enroll(id: "kiosk-a", gateway: gateway)
        let key = P256.Signing.PrivateKey()
        let request = try CertificateSigningRequest(
            version: .v1, subject: try DistinguishedName { CommonName("kiosk-b") }, privateKey: .init(key),
            attributes: .init(), signatureAlgorithm: .ecdsaWithSHA256)
        let body = try JSONEncoder().encode(["csr": try request.serializeAsPEM().pemString])
        let renewed = try await device.request("POST", "/v1/device/renew", json: body)
        #expect(renewed.status == 200)
        let issued = try JSONDecoder().decode([String: String].self, from: renewed.body)
        let certificate = try Certificate(pemEncoded: try #require(issued["certificate"]))
        #expect(certificate.subject.description.contains("CN=kiosk-a"))
        #expect(!certificate.subject.description.contains("kiosk-b"))
        await gateway.stop()
        try await database.drop()
    }

    @Test func aRevokedDeviceIsRefusedWithinTenSecondsOnASecondReplica() async throws {
        let database = try await TestDatabase.create()
        let first = try await RunningGateway.start(database: database)
        let second = try await RunningGateway.start(database: database, sharingCAWith: first)
        let device = try await TestDevice.enroll(id: "kiosk-a", gateway: first)
        let onSecond = TestDevice(id: "kiosk-a", gateway: second, directory: first.directory)
        let probe = Data(#"{"csr":"x"}"#.utf8)
        #expect(try await onSecond.request("POST", "/v1/device/renew", json: probe).status == 400)

        let revoked = try await first.cli(["device", "revoke", "kiosk-a"])
        #expect(revoked.status == 0)
        let start = ContinuousClock.now
        var status = 400
        while status != 403 && ContinuousClock.now - start < .seconds(12) {
            status = try await onSecond.request("POST", "/v1/device/renew", json: probe).status
            if status != 403 { try await Task.sleep(for: .milliseconds(250)) }
        }
        #expect(status == 403)
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(try await device.request("POST", "/v1/device/renew", json: probe).status == 403)
        let audit = try await database.sql("SELECT action FROM audit_log WHERE target = 'kiosk-a' ORDER BY id")
        #expect(audit.map { $0[0] } == ["device.add", "device.enroll", "device.revoke"])
        await first.stop()
        await second.stop()
        try await database.drop()
    }
}
