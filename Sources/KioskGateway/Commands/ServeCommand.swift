import ArgumentParser
import Foundation
import KioskCore
import Logging
import ServiceLifecycle
import UnixSignals

/// `kiosk-gateway serve`: the device API and the console until SIGTERM; in-flight requests finish.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the device API (mTLS) and the staff console until SIGTERM.")

    @OptionGroup var options: GatewayOptions

    @Option(name: .long, help: "Write the bound ports as JSON to this file once both listeners run (tests, port 0).")
    var portsFile: String?

    func run() async throws {
        let configuration = try options.load()
        let logger = options.logger()
        let database = GatewayDatabase(
            url: try DatabaseURL(configuration.databaseURL), maxConnections: configuration.maxConnections,
            logger: logger)
        let ports = ListeningPorts(file: portsFile)
        let notifier = SystemdNotifier()
        let resources = try GatewayResources.locate()
        var server = GatewayServer(
            configuration: configuration, database: database, resources: resources,
            templates: try await ConsoleTemplates.load(from: resources),
            certificateAuthority: try CertificateAuthority.load(directory: configuration.caDirectory),
            metrics: GatewayMetrics.bootstrap(), logger: logger)
        server.onListening = { name, port in
            logger.info("listening", metadata: ["listener": "\(name)", "port": "\(port)"])
            if await ports.record(name, port) { try? notifier.ready(status: "serving") }
        }
        let group = ServiceGroup(
            configuration: .init(
                services: (try server.services() + [StoppingNotice(notifier: notifier)]).map { .init(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// Collects the bound ports; `true` once both listeners are up (then written to the file).
actor ListeningPorts {
    private let file: String?
    private var ports: [String: Int] = [:]

    init(file: String?) { self.file = file }

    func record(_ name: String, _ port: Int) -> Bool {
        ports[name] = port
        guard ports.count == 2 else { return false }
        if let file {
            let json =
                "{" + ports.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
                + "}\n"
            try? Data(json.utf8).write(to: URL(fileURLWithPath: file + ".tmp"))
            _ = rename(file + ".tmp", file)
        }
        return true
    }
}

/// Sends `STOPPING=1` as soon as the graceful shutdown begins (it is the last service, so the
/// first to hear of it), while the listeners are still finishing their requests.
struct StoppingNotice: Service {
    let notifier: SystemdNotifier

    func run() async throws {
        try? await gracefulShutdown()
        try? notifier.stopping()
    }
}
