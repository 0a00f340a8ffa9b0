import Foundation
import KioskConfigFile

/// kiosk-gateway's configuration file (`/etc/kiosk-gateway/gateway.toml`; every key in
/// docs/gateway.md). `KIOSK_GATEWAY_DATABASE_URL` overrides `database.url`.
struct GatewayConfiguration: Sendable, Equatable {
    /// The production file.
    static let defaultPath = "/etc/kiosk-gateway/gateway.toml"

    /// `database.url`: `postgres://user[:password]@host[:port]/database[?host=/socket/dir]`.
    var databaseURL = "postgres://kiosk_gateway@localhost/kiosk_gateway?host=/run/postgresql"
    /// `database.max_connections`: the pool's size per replica.
    var maxConnections = 20
    /// `device_api.listen`: `host:port` of the mTLS device API.
    var deviceAPIListen = "0.0.0.0:8443"
    /// `device_api.tls_certificate`: the server's certificate chain (PEM); `ca init` writes one.
    var deviceTLSCertificate = ""
    /// `device_api.tls_key`: the server's private key (PEM).
    var deviceTLSKey = ""
    /// `console.listen`: `host:port` of the staff console, `/healthz`, `/readyz` and `/metrics`.
    var consoleListen = "127.0.0.1:8080"
    /// `console.secure_cookies`: mark the session cookie `Secure` (set false only behind plain HTTP in tests).
    var secureCookies = true
    /// `ca.directory`: the gateway CA's key and certificate (`ca init`).
    var caDirectory = "/var/lib/kiosk-gateway/ca"
    /// `ca.certificate_days`: lifetime of a device certificate.
    var certificateDays = 90
    /// `intervals.heartbeat_s`: the heartbeat interval kiosks are told (jittered ±20 %).
    var heartbeatIntervalS = 60
    /// `intervals.sync_s`: the changes pull interval kiosks are told.
    var syncIntervalS = 300
    /// `limits.max_in_flight`: device requests handled at once per replica; more are answered 503.
    var maxInFlight = 256
    /// `feed.retention_days`: change-log rows kept; an older cursor is answered 410.
    var feedRetentionDays = 30
    /// `retention.mail_personal_data_days`: days after hand-over before a recipient's data is purged.
    var mailPersonalDataDays = 30

    /// The file at `path`, or the defaults when `path` is `nil` and the production file is absent;
    /// then the environment's database URL.
    static func resolve(
        path: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> GatewayConfiguration {
        var configuration: GatewayConfiguration
        if let path {
            configuration = try ConfigFile.load(path: path, read(from:))
        } else if FileManager.default.fileExists(atPath: defaultPath) {
            configuration = try ConfigFile.load(path: defaultPath, read(from:))
        } else {
            configuration = GatewayConfiguration()
        }
        if let url = environment["KIOSK_GATEWAY_DATABASE_URL"], !url.isEmpty {
            configuration.databaseURL = url
        }
        return configuration
    }

    /// Every key, in documentation order.
    static var allKeys: [String] { ConfigFile.keys { _ = read(from: &$0) } }

    /// Reads every key (defaults where absent).
    static func read(from reader: inout ConfigReader) -> GatewayConfiguration {
        var value = GatewayConfiguration()
        reader.string("database.url", into: &value.databaseURL) { DatabaseURL.problem(in: $0) }
        reader.int("database.max_connections", into: &value.maxConnections, range: 2...500)
        reader.string("device_api.listen", into: &value.deviceAPIListen) { ListenAddress.problem(in: $0) }
        reader.string("device_api.tls_certificate", into: &value.deviceTLSCertificate)
        reader.string("device_api.tls_key", into: &value.deviceTLSKey)
        reader.string("console.listen", into: &value.consoleListen) { ListenAddress.problem(in: $0) }
        reader.bool("console.secure_cookies", into: &value.secureCookies)
        reader.string("ca.directory", into: &value.caDirectory)
        reader.int("ca.certificate_days", into: &value.certificateDays, range: 31...825)
        reader.int("intervals.heartbeat_s", into: &value.heartbeatIntervalS, range: 10...3600)
        reader.int("intervals.sync_s", into: &value.syncIntervalS, range: 10...86400)
        reader.int("limits.max_in_flight", into: &value.maxInFlight, range: 1...100_000)
        reader.int("feed.retention_days", into: &value.feedRetentionDays, range: 1...3650)
        reader.int("retention.mail_personal_data_days", into: &value.mailPersonalDataDays, range: 1...3650)
        return value
    }

    /// The server certificate: the configured one, or the one `ca init` wrote into the CA directory.
    var deviceTLSCertificatePath: String {
        deviceTLSCertificate.isEmpty ? caDirectory + "/server.pem" : deviceTLSCertificate
    }

    /// The server key: the configured one, or `ca init`'s.
    var deviceTLSKeyPath: String { deviceTLSKey.isEmpty ? caDirectory + "/server-key.pem" : deviceTLSKey }
}
