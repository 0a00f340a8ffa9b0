import ArgumentParser
import Foundation

/// `kiosk gateway enroll|status`: this kiosk's identity towards kiosk-gateway.
struct GatewayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway",
        abstract: "Enroll this kiosk with kiosk-gateway and show the connection's state.",
        subcommands: [GatewayEnrollCommand.self, GatewayStatusCommand.self]
    )
}

/// `kiosk gateway enroll --url URL --ca CA.pem --code CODE`.
struct GatewayEnrollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll",
        abstract: "Make this kiosk's key, send a certificate request with a one-time code, store the certificate.",
        discussion: """
            The code comes from `kiosk-gateway device add ID` (valid 24 h, works once). The device id \
            is [site] terminal_id. The private key is made here (0600) and never leaves the kiosk; the \
            key, the certificate and a copy of the CA are kept in <state directory>/gateway/.
            """
    )

    @OptionGroup var state: StateOptions
    @Option(help: "The gateway's device API, https://host:port (default: [gateway] url).")
    var url: String?
    @Option(help: "The gateway's CA certificate, PEM (default: [gateway] ca_file).")
    var ca: String?
    @Option(help: "The one-time enrollment code.")
    var code: String

    func run() throws {
        let (configuration, _) = try KioskConfiguration.resolve(explicitPath: state.config)
        guard let url = url ?? nonEmpty(configuration.gateway.url) else {
            throw ValidationError("give --url or set [gateway] url")
        }
        guard let ca = ca ?? nonEmpty(configuration.gateway.caFile) else {
            throw ValidationError("give --ca or set [gateway] ca_file")
        }
        var arguments = [
            "enroll", "--state-directory", state.resolvedStateDirectory(), "--url", url, "--ca", ca, "--code", code,
            "--device-id", configuration.site.terminalId,
        ]
        if let proxy = nonEmpty(configuration.gateway.proxy) { arguments += ["--proxy", proxy] }
        SyncProcess.exec(arguments)
    }
}

/// `kiosk gateway status [--json]`.
struct GatewayStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract:
            "Enrolled?, certificate expiry, last contact, outbox pending and dead letters, replica cursor and lag."
    )

    @OptionGroup var state: StateOptions
    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        SyncProcess.exec(["status", "--state-directory", state.resolvedStateDirectory()] + (json ? ["--json"] : []))
    }
}

func nonEmpty(_ value: String) -> String? { value.isEmpty ? nil : value }
