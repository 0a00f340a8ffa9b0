import Foundation
import KioskCore
import KioskProtocol
import Logging

/// Builds and sends the heartbeat (device state only, never a citizen's data), records the commands
/// it brings (at most once per id) and reports the results of executed ones.
package struct HeartbeatReporter: Sendable {
    package let database: AppDatabase
    package let client: GatewayClient
    package let stateDirectory: String
    package let startedAt: Date
    package let logger: Logger

    package init(database: AppDatabase, client: GatewayClient, stateDirectory: String, startedAt: Date, logger: Logger)
    {
        self.database = database
        self.client = client
        self.stateDirectory = stateDirectory
        self.startedAt = startedAt
        self.logger = logger
    }

    /// Sends one heartbeat and returns the gateway's answer.
    package func beat(now: Date) async throws -> HeartbeatResponse {
        let results = try await database.unreportedCommandResults()
        let request = try await report(now: now, commandResults: results)
        let response = try await client.heartbeat(request)
        try await database.markCommandResultsReported(ids: results.map(\.id), at: now)
        try await database.recordCommands(
            response.commands.map {
                (id: $0.id.uuidString.lowercased(), kind: $0.kind.rawValue, deadline: Optional($0.deadline))
            },
            at: now)
        try await database.setSyncTime(SyncStateKey.lastContactAt, now, at: now)
        try await database.setSyncValue(
            SyncStateKey.serverClockOffset, String(Int(response.serverTime.timeIntervalSince(now).rounded())))
        return response
    }

    /// The heartbeat body for `now`.
    package func report(now: Date, commandResults: [DeviceCommandEntry]) async throws -> HeartbeatRequest {
        let summary = try await database.syncSummary(now: now)
        let devices = try await DeviceStatusReport.load(from: database)
        let lastPull = try await database.syncTime(SyncStateKey.lastPullAt)
        return HeartbeatRequest(
            appVersion: KioskVersion.current,
            configVersion: try await database.syncValue(SyncStateKey.configVersion),
            uptimeS: max(0, Int(now.timeIntervalSince(startedAt))),
            reader: HeartbeatRequest.ReaderReport(state: devices?.readerState ?? "unknown"),
            printers: devices?.printerReports ?? [],
            disk: HeartbeatRequest.DiskReport(freePct: Self.freePercent(of: stateDirectory)),
            outbox: HeartbeatRequest.OutboxReport(
                pending: summary.outboxPending, deadLettered: summary.deadLettered,
                oldestAgeS: summary.oldestPendingAgeSeconds),
            replica: HeartbeatRequest.ReplicaReport(
                cursor: summary.replicaCursor, lagS: lastPull.map { max(0, Int(now.timeIntervalSince($0))) },
                rows: summary.caseFileCount),
            counters: HeartbeatRequest.Counters(),
            sentAt: now,
            commandResults: commandResults.compactMap { entry in
                guard let id = UUID(uuidString: entry.id), let ok = entry.ok else { return nil }
                return CommandResult(id: id, ok: ok, detail: entry.detail)
            })
    }

    /// Free space of the file system holding `path`, in percent (0 when it cannot be read).
    static func freePercent(of path: String) -> Double {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0, stats.f_blocks > 0 else { return 0 }
        return (Double(stats.f_bavail) / Double(stats.f_blocks) * 1_000).rounded() / 10
    }
}
