import Logging

/// What the console's routes need.
struct ConsoleEnvironment: Sendable {
    let configuration: GatewayConfiguration
    let database: GatewayDatabase
    let resources: GatewayResources
    let certificateAuthority: CertificateAuthority
    let templates: ConsoleTemplates
    let logger: Logger

    var staff: StaffDirectory { StaffDirectory(database: database) }
}
