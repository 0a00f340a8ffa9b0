import Foundation
import KioskCore
import KioskProtocol

/// What `kiosk gateway status`, `kiosk doctor` and maintenance show about the connection.
package struct SyncStatus: Codable, Sendable, Equatable {
    package var enrolled: Bool
    package var deviceId: String?
    package var gateway: String?
    package var certificateExpiresAt: Date?
    package var lastContactAt: Date?
    package var clockOffsetSeconds: Int?
    package var outboxPending: Int
    package var outboxDeadLettered: Int
    package var oldestPendingAgeSeconds: Int?
    package var deadLetterReasons: [String]
    package var replicaCursor: String?
    package var replicaLagSeconds: Int?
    package var replicaRows: Int
    package var configVersion: String?

    package static func load(database: AppDatabase, identity: DeviceIdentity, now: Date) async throws -> SyncStatus {
        let enrollment = identity.enrollment()
        let summary = try await database.syncSummary(now: now)
        let lastPull = try await database.syncTime(SyncStateKey.lastPullAt)
        return SyncStatus(
            enrolled: enrollment != nil, deviceId: enrollment?.deviceId, gateway: enrollment?.url,
            certificateExpiresAt: identity.certificateExpiry(),
            lastContactAt: summary.lastContactAt,
            clockOffsetSeconds: try await database.syncValue(SyncStateKey.serverClockOffset).flatMap { Int($0) },
            outboxPending: summary.outboxPending, outboxDeadLettered: summary.deadLettered,
            oldestPendingAgeSeconds: summary.oldestPendingAgeSeconds, deadLetterReasons: summary.deadLetterReasons,
            replicaCursor: summary.replicaCursor,
            replicaLagSeconds: lastPull.map { max(0, Int(now.timeIntervalSince($0))) },
            replicaRows: summary.caseFileCount, configVersion: try await database.syncValue(SyncStateKey.configVersion))
    }

    package func json() throws -> String {
        String(decoding: try ProtocolCoding.encoder().encode(self), as: UTF8.self)
    }

    package func text() -> String {
        func time(_ date: Date?) -> String { date.map(RFC3339.format) ?? "never" }
        var lines = [
            "enrolled: \(enrolled ? "yes (\(deviceId ?? "?") at \(gateway ?? "?"))" : "no")",
            "certificate expires: \(time(certificateExpiresAt))",
            "last contact: \(time(lastContactAt))"
                + (clockOffsetSeconds.map { " (gateway clock offset \($0) s)" } ?? ""),
            "outbox: \(outboxPending) pending" + (oldestPendingAgeSeconds.map { ", oldest \($0) s" } ?? "")
                + ", \(outboxDeadLettered) dead letters",
        ]
        lines += deadLetterReasons.map { "  dead letter: \($0)" }
        lines.append(
            "replica: \(replicaRows) 办件, cursor \(replicaCursor == nil ? "none" : "set")"
                + (replicaLagSeconds.map { ", last pull \($0) s ago" } ?? ""))
        lines.append("config: \(configVersion ?? "none")")
        return lines.joined(separator: "\n")
    }
}
