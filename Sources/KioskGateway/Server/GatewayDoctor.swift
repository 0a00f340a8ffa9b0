import Foundation
import PostgresNIO
import SwiftASN1
import X509

#if canImport(Glibc)
    import Glibc
#endif

/// The checks of `kiosk-gateway doctor`, each independent so one broken part never hides another.
struct GatewayDoctor {
    struct Finding: Codable, Sendable {
        var check: String
        var ok: Bool
        var detail: String
    }

    let configuration: GatewayConfiguration
    let options: GatewayOptions

    func run() async -> [Finding] {
        var findings: [Finding] = []
        findings += await database()
        findings.append(certificateAuthority())
        findings.append(serverCertificate())
        for (name, listen) in [
            ("device_api.listen", configuration.deviceAPIListen), ("console.listen", configuration.consoleListen),
        ] {
            findings.append(listener(name, listen))
        }
        return findings
    }

    private func database() async -> [Finding] {
        do {
            let url = try DatabaseURL(configuration.databaseURL)
            let files = try Migrations.files(in: try GatewayResources.locate().migrations)
            let applied = try await withTimeout(.seconds(5), "the database did not answer within 5 s") {
                try await options.withDatabase(configuration) { database in
                    try await database.rows("SELECT version FROM schema_migration ORDER BY version").map {
                        try $0.decode(Int.self)
                    }
                }
            }
            let missing = files.map(\.version).filter { !applied.contains($0) }
            return [
                Finding(check: "database", ok: true, detail: url.redacted),
                Finding(
                    check: "migrations", ok: missing.isEmpty,
                    detail: missing.isEmpty
                        ? "\(applied.count) applied" : "not applied: \(missing) (run kiosk-gateway migrate)"),
            ]
        } catch {
            return [Finding(check: "database", ok: false, detail: "\(error)")]
        }
    }

    private func certificateAuthority() -> Finding {
        do {
            let authority = try CertificateAuthority.load(directory: configuration.caDirectory)
            let days = Int(authority.certificate.notValidAfter.timeIntervalSinceNow / 86400)
            return Finding(check: "ca", ok: days > 30, detail: "\(configuration.caDirectory): expires in \(days) days")
        } catch {
            return Finding(check: "ca", ok: false, detail: "\(error)")
        }
    }

    private func serverCertificate() -> Finding {
        do {
            let pem = try String(contentsOfFile: configuration.deviceTLSCertificatePath, encoding: .utf8)
            guard let leaf = try PEMDocument.parseMultiple(pemString: pem).first else {
                return Finding(check: "server certificate", ok: false, detail: "no certificate in the file")
            }
            let certificate = try Certificate(pemDocument: leaf)
            let days = Int(certificate.notValidAfter.timeIntervalSinceNow / 86400)
            let keyReadable = FileManager.default.isReadableFile(atPath: configuration.deviceTLSKeyPath)
            return Finding(
                check: "server certificate", ok: days > 14 && keyReadable,
                detail: "\(configuration.deviceTLSCertificatePath): expires in \(days) days"
                    + (keyReadable ? "" : "; key \(configuration.deviceTLSKeyPath) unreadable"))
        } catch {
            return Finding(check: "server certificate", ok: false, detail: "\(error)")
        }
    }

    /// A listener is fine when its address is free to bind, or already served (a running replica).
    private func listener(_ name: String, _ text: String) -> Finding {
        guard let address = ListenAddress(text) else {
            return Finding(check: name, ok: false, detail: "bad address \(text)")
        }
        if address.port == 0 { return Finding(check: name, ok: true, detail: "\(text) (any free port)") }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(address.host, String(address.port), &hints, &result) == 0, let info = result else {
            return Finding(check: name, ok: false, detail: "cannot resolve \(address.host)")
        }
        defer { freeaddrinfo(result) }
        let probe = socket(info.pointee.ai_family, info.pointee.ai_socktype, 0)
        defer { close(probe) }
        if connect(probe, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
            return Finding(check: name, ok: true, detail: "\(text) answers (a gateway is serving)")
        }
        let binder = socket(info.pointee.ai_family, info.pointee.ai_socktype, 0)
        defer { close(binder) }
        var one: Int32 = 1
        setsockopt(binder, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        if bind(binder, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
            return Finding(check: name, ok: true, detail: "\(text) is free to listen on")
        }
        return Finding(check: name, ok: false, detail: "\(text): cannot listen (\(String(cString: strerror(errno))))")
    }
}

/// `body`'s result, or ``GatewayError`` with `message` when it takes longer than `limit`.
func withTimeout<Result: Sendable>(
    _ limit: Duration, _ message: String, _ body: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Result?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let result = first else {
            throw GatewayError.usage(message)
        }
        return result
    }
}
