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
            // Re-encoding keeps a U+0000 inside the protocol's own strings, which neither jsonb
            // nor text can hold: refused, not a 500 from the database.
            guard !Self.containsEscapedNUL(json) else {
                throw ProblemError(
                    status: .badRequest, title: "bad heartbeat", detail: "strings must not contain U+0000")
            }
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

    /// Whether JSON text holds the escape `\u0000` (a backslash that is itself escaped, `\\`, does
    /// not start one).
    static func containsEscapedNUL(_ json: String) -> Bool {
        var bytes = json.utf8.makeIterator()
        while let byte = bytes.next() {
            guard byte == UInt8(ascii: "\\") else { continue }
            guard bytes.next() == UInt8(ascii: "u") else { continue }
            let digits = (0..<4).compactMap { _ in bytes.next() }
            if digits == Array("0000".utf8) { return true }
        }
        return false
    }
}
