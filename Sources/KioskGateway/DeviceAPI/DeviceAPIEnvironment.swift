import Logging

/// What the device API's routes need: the configuration, the pool, the CA and a logger.
struct DeviceAPIEnvironment: Sendable {
    let configuration: GatewayConfiguration
    let database: GatewayDatabase
    let certificateAuthority: CertificateAuthority
    let logger: Logger
}
