import Foundation
import KioskProtocol
import KioskTestSupport
import Logging
import PostgresNIO
import Testing

@testable import KioskGateway

/// Concurrent feed writers with late commits and rollbacks against a polling reader: every committed
/// change is delivered exactly once, no rolled-back one ever.
@Suite(.serialized) struct FeedInterleavingTests {
    /// One writer's open transaction.
    private struct OpenWriter {
        var keys: [String] = []
    }

    @Test func twoHundredInterleavingsDeliverEveryCommittedChangeExactlyOnce() async throws {
        let database = try await TestDatabase.create()
        try await database.sql(
            "INSERT INTO site (id, region_code) VALUES ('hall-1', '370102');"
                + "INSERT INTO device (id, site_id, region_code) VALUES ('k1', 'hall-1', '370102');")
        var logger = Logger(label: "feed-test")
        logger.logLevel = .error
        let writers = [
            try await FeedConnections.connect(database, id: 1), try await FeedConnections.connect(database, id: 2),
            try await FeedConnections.connect(database, id: 3),
        ]
        let feed = FeedWriter(logger: logger)
        var generator = SeededGenerator(seed: 13)
        let started = ContinuousClock.now
        try await database.withGatewayDatabase { gateway in
            let reader = FeedReader(database: gateway)
            var cursor: String? = nil
            var delivered: [String] = []
            var committed: Set<String> = []
            var rolledBack: Set<String> = []
            func poll() async throws {
                for _ in 0..<50 {
                    let page = try await reader.page(after: cursor, deviceId: "k1", limit: 3)
                    delivered += page.changes.map(\.key)
                    cursor = page.nextCursor
                    if !page.hasMore { return }
                }
            }
            for iteration in 0..<200 {
                var open: [OpenWriter?] = Array(repeating: nil, count: writers.count)
                var serial = 0
                for _ in 0..<Int.random(in: 4...14, using: &generator) {
                    let slot = Int.random(in: 0..<writers.count, using: &generator)
                    let connection = writers[slot]
                    if var writer = open[slot] {
                        switch Int.random(in: 0..<4, using: &generator) {
                        case 0, 1:
                            serial += 1
                            let key = "i\(iteration)-w\(slot)-\(serial)"
                            let version = try await feed.nextVersion(on: connection)
                            try await feed.append(
                                entity: .caseFile, key: key, op: .upsert, version: version, scopeRegion: nil,
                                scopeDevice: nil, record: #"{"n":1}"#, on: connection)
                            writer.keys.append(key)
                            open[slot] = writer
                        case 2:
                            _ = try await connection.rows("COMMIT", logger: logger)
                            committed.formUnion(writer.keys)
                            open[slot] = nil
                        default:
                            _ = try await connection.rows("ROLLBACK", logger: logger)
                            rolledBack.formUnion(writer.keys)
                            open[slot] = nil
                        }
                    } else {
                        // BEGIN and take an xid at once: this transaction may commit after younger ones.
                        _ = try await connection.rows("BEGIN", logger: logger)
                        _ = try await connection.rows("SELECT pg_current_xact_id()", logger: logger)
                        open[slot] = OpenWriter()
                    }
                    if Bool.random(using: &generator) { try await poll() }
                }
                for slot in writers.indices {
                    guard let writer = open[slot] else { continue }
                    if Bool.random(using: &generator) {
                        _ = try await writers[slot].rows("COMMIT", logger: logger)
                        committed.formUnion(writer.keys)
                    } else {
                        _ = try await writers[slot].rows("ROLLBACK", logger: logger)
                        rolledBack.formUnion(writer.keys)
                    }
                    if Bool.random(using: &generator) { try await poll() }
                }
                try await FeedVisibility.settle(gateway)
                try await poll()
                #expect(delivered.count == Set(delivered).count, "iteration \(iteration): a change came twice")
                #expect(Set(delivered) == committed, "iteration \(iteration): delivered ≠ committed")
                #expect(rolledBack.isDisjoint(with: delivered), "iteration \(iteration): a rolled-back change")
                if Set(delivered) != committed { break }
            }
            #expect(committed.count > 200, "the generator committed too little to mean anything")
            #expect(!rolledBack.isEmpty)
        }
        #expect(ContinuousClock.now - started < .seconds(40))
        for writer in writers { try await writer.close() }
        try await database.drop()
    }
}
