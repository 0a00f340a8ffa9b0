import Foundation
import Hummingbird
import KioskProtocol

/// `POST /v1/device/heartbeat`: the report is recorded with the other heartbeats waiting at the
/// same moment (``HeartbeatBatcher``: one statement, one commit) and answered after that commit,
/// with the pending commands.
enum HeartbeatRoutes {
    static func register(on device: RouterGroup<DeviceRequestContext>, environment: DeviceAPIEnvironment) {
        let batcher = HeartbeatBatcher(store: HeartbeatStore(database: environment.database))
        device.post("heartbeat") { request, context -> HeartbeatResponse in
            let deviceId = try context.authenticatedDevice()
            let report = try await request.decode(as: HeartbeatRequest.self, context: context)
            // Re-encoded, not stored as sent: PostgreSQL's jsonb refuses what JSON allows (\u0000, a
            // lone surrogate), and the decoded form holds only what the protocol defines.
            let json = String(decoding: try ProtocolCoding.encoder().encode(report), as: UTF8.self)
            let now = Date()
            let entry = HeartbeatStore.Entry(deviceId: deviceId, report: report, json: json, now: now)
            guard let outcome = try await batcher.record(entry) else {
                throw ProblemError(status: .forbidden, title: "unknown device")
            }
            let jitter = Double.random(in: 0.8...1.2)
            return HeartbeatResponse(
                serverTime: now, nextHeartbeatS: max(1, Int((Double(outcome.intervalS) * jitter).rounded())),
                syncIntervalS: environment.configuration.syncIntervalS, configVersion: outcome.configVersion,
                commands: outcome.commands)
        }
    }
}
