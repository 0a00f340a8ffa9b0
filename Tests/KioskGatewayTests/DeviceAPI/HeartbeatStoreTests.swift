import Foundation
import KioskProtocol
import Testing

@testable import KioskGateway

/// Heartbeat alarm transitions, commands and offline detection on the private PostgreSQL.
@Suite(.serialized) struct HeartbeatStoreTests {
    static func report(
        paper: HeartbeatRequest.PaperLevel = .ok, reader: String = "online", results: [CommandResult] = []
    )
        -> HeartbeatRequest
    {
        HeartbeatRequest(
            appVersion: "1.0", configVersion: nil, uptimeS: 10, reader: .init(state: reader),
            printers: [.init(name: "receipt", state: "idle", paper: paper)], disk: .init(freePct: 50),
            outbox: .init(pending: 0, deadLettered: 0), replica: .init(rows: 0), counters: .init(), sentAt: Date(),
            commandResults: results)
    }

    @Test func oneEventPerTransitionNoneForRepeatsAndOfflineIsRaisedOnceThenCleared() async throws {
        let database = try await TestDatabase.create()
        try await database.sql(
            "INSERT INTO site (id, region_code) VALUES ('hall-1', '370102');"
                + "INSERT INTO device (id, site_id, region_code) VALUES ('k1', 'hall-1', '370102');"
                + "INSERT INTO device_command (id, device_id, kind, created_by, deadline) VALUES "
                + "('6f1c2e4a-0000-4000-8000-000000000001', 'k1', 'printTest', 'admin', now() + interval '1 hour');")
        let command = UUID(uuidString: "6f1c2e4a-0000-4000-8000-000000000001")!
        try await database.withGatewayDatabase { gateway in
            let store = HeartbeatStore(database: gateway)
            let first = try #require(try await store.record(Self.report(), json: "{}", deviceId: "k1", now: Date()))
            #expect(first.commands.map(\.id) == [command] && first.intervalS == 60 && !first.configVersion.isEmpty)
            for _ in 0..<2 {
                _ = try await store.record(Self.report(paper: .low), json: "{}", deviceId: "k1", now: Date())
            }
            _ = try await store.record(
                Self.report(paper: .out, results: [CommandResult(id: command, ok: true)]), json: "{}", deviceId: "k1",
                now: Date())
            let after = try #require(try await store.record(Self.report(), json: "{}", deviceId: "k1", now: Date()))
            #expect(after.commands.isEmpty, "a completed command is not sent again")
            #expect(try await store.record(Self.report(), json: "{}", deviceId: "nobody", now: Date()) == nil)

            let sweeper = OfflineSweeper(database: gateway)
            #expect(try await sweeper.sweep(now: Date()).isEmpty)
            let later = Date().addingTimeInterval(3 * 60 + 31)
            #expect(try await sweeper.sweep(now: later) == ["k1"])
            #expect(try await sweeper.sweep(now: later.addingTimeInterval(15)).isEmpty, "marked once")
            _ = try await store.record(Self.report(), json: "{}", deviceId: "k1", now: Date())
        }
        // low → out in one heartbeat raises paperOut and clears paperLow in the same statement.
        let events = try await database.sql("SELECT kind, raised FROM device_event ORDER BY id")
        #expect(
            events == [
                ["paperLow", "t"], ["paperOut", "t"], ["paperLow", "f"], ["paperOut", "f"], ["offline", "t"],
                ["offline", "f"],
            ], "\(events)")
        #expect(try await database.sql("SELECT ok, sent_at IS NOT NULL FROM device_command") == [["t", "t"]])
        #expect(try await database.sql("SELECT alarms FROM device") == [["{}"]])
        try await database.drop()
    }
}
