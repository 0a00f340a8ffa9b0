import Foundation

/// `POST /v1/device/enroll` (server-authenticated TLS only): a one-time code and a CSR.
package struct EnrollRequest: Codable, Sendable, Equatable {
    package var deviceId: String
    package var code: String
    /// PKCS #10 certificate signing request, PEM.
    package var csr: String

    package init(deviceId: String, code: String, csr: String) {
        self.deviceId = deviceId
        self.code = code
        self.csr = csr
    }
}

/// `POST /v1/device/renew` (with the current client certificate).
package struct RenewRequest: Codable, Sendable, Equatable {
    package var csr: String
    package init(csr: String) { self.csr = csr }
}

/// The signed certificate and the CA chain, PEM.
package struct CertificateResponse: Codable, Sendable, Equatable {
    package var certificate: String
    package var caChain: String

    package init(certificate: String, caChain: String) {
        self.certificate = certificate
        self.caChain = caChain
    }
}
