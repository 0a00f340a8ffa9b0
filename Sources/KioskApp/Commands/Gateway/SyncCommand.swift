import ArgumentParser
import Foundation

/// `kiosk sync`: the network process (`kiosk-sync.service`). Exits at once, successfully, on a kiosk
/// without `[gateway] url`, so the unit can be enabled everywhere.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Deliver the outbox to kiosk-gateway, keep the replica current and send heartbeats.",
        discussion: """
            Runs as its own service (systemd/kiosk-sync.service) beside the UI, sharing kiosk.sqlite. \
            It holds the device key and has no access to the terminal or the reader.
            """
    )

    @OptionGroup var state: StateOptions

    func run() throws {
        let (configuration, _) = try KioskConfiguration.resolve(explicitPath: state.config)
        guard configuration.gateway.isConfigured else {
            print("kiosk sync: no [gateway] url configured; nothing to do")
            return
        }
        var arguments = [
            "run", "--state-directory", state.resolvedStateDirectory(), "--url", configuration.gateway.url,
            "--heartbeat-seconds", String(configuration.gateway.heartbeatSeconds),
            "--pull-seconds", String(configuration.gateway.pullSeconds),
            "--log-level", configuration.logging.level.rawValue,
        ]
        if let proxy = nonEmpty(configuration.gateway.proxy) { arguments += ["--proxy", proxy] }
        SyncProcess.exec(arguments)
    }
}
