import Crypto
import Foundation
import SwiftASN1
import X509

/// A new P-256 key and its PKCS #10 request, for enrollment and renewal.
package struct SigningRequest: Sendable {
    package let keyPEM: String
    package let csrPEM: String

    /// Generates a key on this machine and a CSR with `deviceId` as the common name.
    package init(deviceId: String) throws {
        let key = P256.Signing.PrivateKey()
        let request = try CertificateSigningRequest(
            version: .v1, subject: try DistinguishedName { CommonName(deviceId) }, privateKey: .init(key),
            attributes: .init(), signatureAlgorithm: .ecdsaWithSHA256)
        keyPEM = key.pemRepresentation
        csrPEM = try request.serializeAsPEM().pemString
    }
}
