import NIOSSL
import SwiftASN1
import X509

/// Reads the device id (the subject's common name) from a verified client certificate.
enum DeviceCertificate {
    /// The CN of `certificate`, or `nil` when it has none.
    static func deviceId(of certificate: NIOSSLCertificate) -> String? {
        guard let bytes = try? certificate.toDERBytes(), let parsed = try? Certificate(derEncoded: bytes) else {
            return nil
        }
        for relativeName in parsed.subject {
            for attribute in relativeName where attribute.type == .RDNAttributeType.commonName {
                return attribute.value.description
            }
        }
        return nil
    }
}
