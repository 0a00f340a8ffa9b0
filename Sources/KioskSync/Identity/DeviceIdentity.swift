import Foundation
import SwiftASN1
import X509

/// The kiosk's identity towards the gateway, kept in `<state>/gateway/`: the private key (0600,
/// generated here, never sent), the certificate the gateway's CA signed, the CA chain, and where
/// the gateway is.
package struct DeviceIdentity: Sendable, Equatable {
    package let directory: URL

    package init(stateDirectory: String) {
        directory = URL(fileURLWithPath: stateDirectory).appendingPathComponent("gateway", isDirectory: true)
    }

    package var keyPath: String { directory.appendingPathComponent("device-key.pem").path }
    package var certificatePath: String { directory.appendingPathComponent("device.pem").path }
    package var caPath: String { directory.appendingPathComponent("ca.pem").path }
    package var enrollmentPath: String { directory.appendingPathComponent("enrollment.json").path }

    /// What enrollment recorded.
    package struct Enrollment: Codable, Sendable, Equatable {
        package var deviceId: String
        package var url: String
        package var enrolledAt: Date
    }

    /// The stored enrollment, or nil when this kiosk has not enrolled.
    package func enrollment() -> Enrollment? {
        guard let data = FileManager.default.contents(atPath: enrollmentPath),
            FileManager.default.fileExists(atPath: certificatePath), FileManager.default.fileExists(atPath: keyPath)
        else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(Enrollment.self, from: data)
    }

    /// The stored certificate's validity end, or nil when there is none or it does not parse.
    package func certificateExpiry() -> Date? {
        guard let text = try? String(contentsOfFile: certificatePath, encoding: .utf8),
            let certificate = try? Certificate(pemEncoded: text)
        else { return nil }
        return certificate.notValidAfter
    }

    /// Writes the key (0600), the certificate, the CA chain and the enrollment record, each
    /// atomically (temporary file + rename), the enrollment record last.
    package func store(keyPEM: String, certificatePEM: String, caPEM: String, enrollment: Enrollment) throws {
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try Self.write(keyPEM, to: keyPath, permissions: 0o600)
        try Self.write(certificatePEM, to: certificatePath, permissions: 0o644)
        try Self.write(caPEM, to: caPath, permissions: 0o644)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try Self.write(
            String(decoding: try encoder.encode(enrollment), as: UTF8.self), to: enrollmentPath, permissions: 0o644)
    }

    private static func write(_ text: String, to path: String, permissions: Int) throws {
        let temporary = path + ".tmp"
        _ = FileManager.default.createFile(
            atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: permissions])
        guard let handle = FileHandle(forWritingAtPath: temporary) else {
            throw SyncError.identity("cannot write \(temporary)")
        }
        try handle.synchronize()
        try handle.close()
        guard rename(temporary, path) == 0 else { throw SyncError.identity("cannot rename \(temporary) to \(path)") }
    }
}
