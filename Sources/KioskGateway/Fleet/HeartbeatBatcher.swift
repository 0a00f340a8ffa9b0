import Foundation
import KioskProtocol
import PostgresNIO

/// Coalesces concurrent heartbeats into multi-row statements (group commit).
///
/// A heartbeat waits while at most ``maximumFlushes`` statements are in flight; each flush takes
/// every waiting heartbeat (up to ``maximumBatch``, one per device) and records them in ONE
/// statement and ONE commit (``HeartbeatStore/recordBatch(_:)``). Each heartbeat is answered only
/// after the statement that holds it has committed: what the gateway acknowledges is durable,
/// exactly as with one statement per heartbeat. Under light load a batch holds one heartbeat and
/// nothing waits; under heavy load a few hundred share one round trip and one WAL flush.
actor HeartbeatBatcher {
    /// Statements in flight at once (pool connections the heartbeats use).
    static let maximumFlushes = 4
    /// Heartbeats per statement.
    static let maximumBatch = 256

    private struct Waiting {
        let entry: HeartbeatStore.Entry
        let continuation: CheckedContinuation<HeartbeatStore.Outcome?, any Error>
    }

    private let store: HeartbeatStore
    private var waiting: [Waiting] = []
    private var flushing = 0
    /// Statements run so far (tests, and how well heartbeats coalesce).
    private(set) var statements = 0

    init(store: HeartbeatStore) {
        self.store = store
    }

    /// Records `entry` with whatever else is waiting; returns after its statement committed (nil: no
    /// such device).
    func record(_ entry: HeartbeatStore.Entry) async throws -> HeartbeatStore.Outcome? {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append(Waiting(entry: entry, continuation: continuation))
            startFlushes()
        }
    }

    private func startFlushes() {
        while flushing < Self.maximumFlushes, let batch = takeBatch() {
            flushing += 1
            Task { await flush(batch) }
        }
    }

    /// The oldest waiting heartbeats, one per device (a second one of a device waits for the next).
    private func takeBatch() -> [Waiting]? {
        guard !waiting.isEmpty else { return nil }
        var batch: [Waiting] = []
        var rest: [Waiting] = []
        var devices: Set<String> = []
        for item in waiting {
            if batch.count < Self.maximumBatch, devices.insert(item.entry.deviceId).inserted {
                batch.append(item)
            } else {
                rest.append(item)
            }
        }
        waiting = rest
        return batch
    }

    private func flush(_ batch: [Waiting]) async {
        statements += 1
        do {
            let outcomes = try await store.recordBatch(batch.map(\.entry))
            for item in batch { item.continuation.resume(returning: outcomes[item.entry.deviceId]) }
        } catch {
            for item in batch { item.continuation.resume(throwing: error) }
        }
        flushing -= 1
        startFlushes()
    }
}
