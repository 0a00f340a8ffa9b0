import Crypto
import Foundation
import NIOSSL
import SwiftASN1
import X509

#if canImport(Glibc)
    import Glibc
#endif

/// The gateway's own CA (P-256): signs device certificates from CSRs and the device API's server
/// certificate. Its key stays in `ca.directory` (0600); kiosks trust `ca.pem`.
struct CertificateAuthority: Sendable {
    /// `ca.directory`.
    let directory: URL
    let certificate: Certificate
    private let key: P256.Signing.PrivateKey

    static let certificateFile = "ca.pem"
    static let keyFile = "ca-key.pem"

    /// Loads the CA from `directory`.
    ///
    /// - Throws: ``GatewayError`` when the files are missing or unreadable (run `ca init`).
    static func load(directory: String) throws -> CertificateAuthority {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        do {
            let certificatePEM = try String(contentsOf: url.appendingPathComponent(certificateFile), encoding: .utf8)
            let keyPEM = try String(contentsOf: url.appendingPathComponent(keyFile), encoding: .utf8)
            return CertificateAuthority(
                directory: url, certificate: try Certificate(pemEncoded: certificatePEM),
                key: try P256.Signing.PrivateKey(pemRepresentation: keyPEM))
        } catch {
            throw GatewayError.certificateAuthority(
                "cannot load the CA from \(directory) (run `kiosk-gateway ca init`): \(error)")
        }
    }

    /// Creates a new CA and a server certificate for `serverNames` (DNS names or IP addresses) in
    /// `directory`; refuses to overwrite an existing CA.
    static func initialise(
        directory: String, name: String, serverNames: [String], now: Date = Date()
    ) throws -> CertificateAuthority {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: url.appendingPathComponent(keyFile).path) {
            throw GatewayError.certificateAuthority("\(directory) already holds a CA; refusing to replace it")
        }
        try fileManager.createDirectory(
            at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let key = P256.Signing.PrivateKey()
        let subject = try DistinguishedName {
            OrganizationName("kiosk-gateway")
            CommonName(name)
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-300), notValidAfter: now.addingTimeInterval(20 * 365 * 86400),
            issuer: subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: Certificate.PublicKey(key.publicKey))
            },
            issuerPrivateKey: .init(key))
        try write(key.pemRepresentation, to: url.appendingPathComponent(keyFile), mode: 0o600)
        try write(
            try certificate.serializeAsPEM().pemString + "\n", to: url.appendingPathComponent(certificateFile),
            mode: 0o644)
        let authority = CertificateAuthority(directory: url, certificate: certificate, key: key)
        try authority.issueServerCertificate(names: serverNames, now: now)
        return authority
    }

    /// Writes `server.pem` and `server-key.pem` for the device API's listener.
    func issueServerCertificate(names: [String], now: Date = Date()) throws {
        guard !names.isEmpty else { throw GatewayError.certificateAuthority("give at least one --server-name") }
        let key = P256.Signing.PrivateKey()
        let alternatives = names.map { name -> GeneralName in
            if let address = IPAddressBytes(name) {
                return .ipAddress(ASN1OctetString(contentBytes: address.bytes[...]))
            }
            return .dnsName(name)
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-300), notValidAfter: now.addingTimeInterval(825 * 86400),
            issuer: self.certificate.subject, subject: try DistinguishedName { CommonName(names[0]) },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(alternatives)
            },
            issuerPrivateKey: .init(self.key))
        try Self.write(key.pemRepresentation, to: directory.appendingPathComponent("server-key.pem"), mode: 0o600)
        try Self.write(
            try certificate.serializeAsPEM().pemString + "\n" + (try self.certificate.serializeAsPEM().pemString)
                + "\n",
            to: directory.appendingPathComponent("server.pem"), mode: 0o644)
    }

    /// Signs a device certificate for `deviceId` (the CN; the CSR's own subject is ignored) valid
    /// for `days`, after checking the CSR's signature.
    ///
    /// - Returns: the certificate, PEM, and its serial number (hex).
    func signDeviceCertificate(csrPEM: String, deviceId: String, days: Int, now: Date = Date()) throws -> (
        pem: String, serial: String, expiresAt: Date
    ) {
        let request: CertificateSigningRequest
        do {
            request = try CertificateSigningRequest(pemEncoded: csrPEM)
        } catch {
            throw GatewayError.certificateAuthority("the CSR is not a PEM PKCS #10 request")
        }
        guard request.publicKey.isValidSignature(request.signature, for: request) else {
            throw GatewayError.certificateAuthority("the CSR's signature does not verify")
        }
        let serial = Certificate.SerialNumber()
        let expiresAt = now.addingTimeInterval(Double(days) * 86400)
        let certificate = try Certificate(
            version: .v3, serialNumber: serial, publicKey: request.publicKey,
            notValidBefore: now.addingTimeInterval(-300), notValidAfter: expiresAt,
            issuer: self.certificate.subject,
            subject: try DistinguishedName {
                OrganizationName("kiosk-gateway device")
                CommonName(deviceId)
            },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.clientAuth])
            },
            issuerPrivateKey: .init(key))
        let serialText = serial.bytes.map { String(format: "%02x", $0) }.joined()
        return (try certificate.serializeAsPEM().pemString + "\n", serialText, expiresAt)
    }

    /// The CA certificate, PEM (the chain kiosks trust).
    var chainPEM: String { (try? certificate.serializeAsPEM().pemString + "\n") ?? "" }

    /// The device API's TLS: TLS 1.2+, the server certificate, client certificates verified against
    /// this CA when presented (enrollment is the one call made without one; every other route
    /// requires one, see ``DeviceAuthentication``).
    func serverTLSConfiguration(certificatePath: String, keyPath: String) throws -> TLSConfiguration {
        let chain = try NIOSSLCertificate.fromPEMFile(certificatePath)
        let key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
        var tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        tls.minimumTLSVersion = .tlsv12
        tls.certificateVerification = .optionalVerification
        tls.trustRoots = .certificates([try NIOSSLCertificate(bytes: Array(chainPEM.utf8), format: .pem)])
        tls.sendCANameList = true
        return tls
    }

    private static func write(_ text: String, to url: URL, mode: Int) throws {
        guard
            FileManager.default.createFile(
                atPath: url.path, contents: Data(text.utf8), attributes: [.posixPermissions: mode])
        else { throw GatewayError.certificateAuthority("cannot write \(url.path)") }
    }
}

/// The bytes of an IPv4 or IPv6 address literal.
private struct IPAddressBytes {
    let bytes: [UInt8]

    init?(_ text: String) {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            bytes = withUnsafeBytes(of: &v6) { Array($0) }
        } else {
            return nil
        }
    }
}
