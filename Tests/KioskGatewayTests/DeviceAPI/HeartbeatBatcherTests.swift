import Foundation
import KioskProtocol
import Testing

@testable import KioskGateway

/// Heartbeats arriving together share statements, each is answered after its commit, and a
/// device's alarm history stays one event per transition whatever the interleaving.
@Suite(.serialized) struct HeartbeatBatcherTests {
    @Test func concurrentHeartbeatsCoalesceAndKeepTransitionsExact() async throws {
        let database = try await TestDatabase.create()
        try await database.sql(SubmissionFixture.devicesSQL((0..<50).map { "k\($0)" }))
        let (outcomes, statements) = try await database.withGatewayDatabase { gateway in
            let batcher = HeartbeatBatcher(store: HeartbeatStore(database: gateway))
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for round in 0..<4 {
                    for device in 0..<50 {
                        group.addTask {
                            let report = HeartbeatStoreTests.report(paper: round.isMultiple(of: 2) ? .low : .ok)
                            let entry = HeartbeatStore.Entry(
                                deviceId: "k\(device)", report: report, json: "{}", now: Date())
                            return try await batcher.record(entry) != nil
                        }
                    }
                }
                group.addTask {
                    let entry = HeartbeatStore.Entry(
                        deviceId: "nobody", report: HeartbeatStoreTests.report(), json: "{}", now: Date())
                    return try await batcher.record(entry) == nil
                }
                var all: [Bool] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }
            return (outcomes, await batcher.statements)
        }
        #expect(outcomes.count == 201 && outcomes.allSatisfy { $0 }, "every heartbeat answered; nobody gets nil")
        #expect(statements < 201, "heartbeats shared statements (\(statements) for 201)")
        // Per device: paperLow raised and cleared alternately, starting raised, ending as stored.
        let rows = try await database.sql(
            """
            SELECT d.id, coalesce(string_agg(e.raised::text, ',' ORDER BY e.id), ''), 'paperLow' = ANY (d.alarms)
            FROM device d LEFT JOIN device_event e ON e.device_id = d.id GROUP BY d.id, d.alarms
            """)
        #expect(rows.count == 50)
        for row in rows {
            let events = (row[1] ?? "").split(separator: ",").map { $0 == "true" }
            let alternating = events.enumerated().allSatisfy { $0.element == $0.offset.isMultiple(of: 2) }
            #expect(!events.isEmpty && alternating, "\(row)")
            #expect((events.last == true) == (row[2] == "t"), "\(row)")
        }
        try await database.drop()
    }
}
