import Foundation
import KioskCore
import Logging
import ServiceLifecycle

/// Runs the gateway's device commands that belong to the UI process (`reconnectReader`,
/// `printTest`, `restartApp`) at the next idle moment: the home screen with no citizen session.
/// The sync process recorded them in `deviceCommand`; this service only reads typed rows, starts
/// each at most once (``AppDatabase/startCommand(id:at:)``), records its result for the next
/// heartbeat and audits it (command id and kind only, nothing of a citizen).
///
/// `restartApp` finishes its command first, then ends the service: the group shuts down gracefully
/// (``ServiceGroupConfiguration/ServiceConfiguration/successTerminationBehavior`` is
/// `.gracefullyShutdownGroup`), `kiosk run` exits and systemd (`Restart=always`) starts it again.
struct GatewayCommandRunner<C: Clock<Duration>>: Service {
    /// The command kinds the UI process executes (`resync` is the sync process's).
    static var kinds: Set<String> { ["reconnectReader", "printTest", "restartApp"] }

    /// What one step did.
    enum Step: Sendable, Equatable {
        /// Not idle, or no command waiting.
        case nothing
        /// A command was started by someone else (or finished meanwhile): not run.
        case skipped(id: String)
        /// A command ran, with its result.
        case ran(id: String, kind: String, ok: Bool)
        /// `restartApp` was finished: the kiosk is to stop now.
        case restart(id: String)
    }

    /// What the commands do, over the running kiosk's parts.
    struct Actions: Sendable {
        /// Asks the reader to close and re-open its port; `false` when the kiosk has no reader.
        var reconnectReader: @Sendable () -> Bool
        /// Prints the printer test receipt (as maintenance mode does); its result and a short detail.
        var printTest: @Sendable () async -> (ok: Bool, detail: String)
    }

    let database: AppDatabase
    let terminalId: String
    /// `true` on the home screen with no session (and no staff console open).
    let isIdle: @Sendable () async -> Bool
    let actions: Actions
    let clock: C
    let now: @Sendable () -> Date
    var interval: Duration = .seconds(5)
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                if case .restart(let id) = await step() {
                    logger.notice("restart requested by the gateway", metadata: ["command.id": "\(id)"])
                    return
                }
                try? await clock.sleep(for: interval)
            }
        }
    }

    /// Looks for one waiting command and runs it if the kiosk is idle.
    func step() async -> Step {
        guard await isIdle() else { return .nothing }
        let command: DeviceCommandEntry
        do {
            guard let next = try await database.nextCommand(now: now(), kinds: Self.kinds) else { return .nothing }
            command = next
            // A citizen may have touched the screen meanwhile: then the command waits for the next moment.
            guard await isIdle() else { return .nothing }
            guard try await database.startCommand(id: command.id, at: now()) else { return .skipped(id: command.id) }
        } catch {
            logger.warning("device commands not readable", metadata: ["command.error": "\(error)"])
            return .nothing
        }
        let ok: Bool
        let detail: String
        switch command.kind {
        case "reconnectReader":
            ok = actions.reconnectReader()
            detail = ok ? "reconnecting" : "no reader"
        case "printTest":
            (ok, detail) = await actions.printTest()
        case "restartApp":
            ok = true
            detail = "restarting"
        default:
            ok = false
            detail = "unsupported by the UI process"
        }
        await finish(command, ok: ok, detail: detail)
        return command.kind == "restartApp"
            ? .restart(id: command.id) : .ran(id: command.id, kind: command.kind, ok: ok)
    }

    private func finish(_ command: DeviceCommandEntry, ok: Bool, detail: String) async {
        let time = now()
        do {
            try await database.finishCommand(id: command.id, ok: ok, detail: detail, at: time)
        } catch {
            logger.error(
                "device command result not stored",
                metadata: ["command.id": "\(command.id)", "command.error": "\(error)"])
        }
        logger.notice(
            "device command run",
            metadata: [
                "command.id": "\(command.id)", "command.kind": "\(command.kind)", "command.ok": "\(ok)",
                "command.detail": "\(detail)",
            ])
        _ = try? await database.recordAudit(
            AuditEvent(
                time: time, terminalId: terminalId, event: "gateway.command", outcome: ok ? "success" : "failure",
                detail: "\(command.kind) \(command.id): \(detail)"))
    }
}
