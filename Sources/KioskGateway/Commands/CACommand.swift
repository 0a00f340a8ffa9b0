import ArgumentParser
import Foundation

/// `kiosk-gateway ca init`: creates the gateway's CA and the device API's server certificate.
struct CACommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ca", abstract: "Manage the gateway's certificate authority.", subcommands: [Init.self])

    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create the CA (ca.pem, ca-key.pem) and a server certificate (server.pem, server-key.pem).")

        @OptionGroup var options: GatewayOptions

        @Option(name: .long, help: "The CA's common name.")
        var name = "kiosk-gateway CA"

        @Option(name: .long, help: "A DNS name or IP address kiosks use to reach the device API (repeatable).")
        var serverName: [String] = []

        func run() async throws {
            let configuration = try options.load()
            guard !serverName.isEmpty else { throw ValidationError("give at least one --server-name") }
            let authority = try CertificateAuthority.initialise(
                directory: configuration.caDirectory, name: name, serverNames: serverName)
            print("CA created in \(authority.directory.path); give kiosks \(authority.directory.path)/ca.pem")
        }
    }
}
