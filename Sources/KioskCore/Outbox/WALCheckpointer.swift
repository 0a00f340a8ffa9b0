import GRDB

/// Moves SQLite's WAL checkpoints out of the commit path of confirmed requests.
///
/// With the default automatic checkpoint, every ~1000 WAL pages (about every 90 mail requests) one
/// commit also copies the WAL into the database file and fsyncs it, which takes that commit from
/// ~0.3 ms to several milliseconds. While ``run(every:clock:)`` runs, the automatic checkpoint is off
/// on the writer connection and a passive checkpoint runs on a timer instead (between citizens, in
/// practice); when the loop ends, the automatic checkpoint is restored so the WAL can never grow
/// without bound.
package struct WALCheckpointer: Sendable {
    /// SQLite's default automatic checkpoint threshold, in pages.
    package static let defaultAutoCheckpointPages = 1000

    package let database: AppDatabase

    package init(database: AppDatabase) {
        self.database = database
    }

    /// Runs passive checkpoints every `interval` until the task is cancelled.
    ///
    /// - Parameters:
    ///   - interval: time between checkpoints (e.g. 5 s on a kiosk).
    ///   - clock: injected so tests can drive time.
    package func run<C: Clock>(every interval: C.Duration, clock: C) async throws {
        try setAutoCheckpoint(pages: 0)
        // The restore uses the synchronous API: async database access throws once the task is
        // cancelled, and the restore must happen precisely then.
        defer { try? setAutoCheckpoint(pages: Self.defaultAutoCheckpointPages) }
        do {
            while !Task.isCancelled {
                try await clock.sleep(for: interval)
                try await checkpoint()
            }
        } catch is CancellationError {
            // Normal end.
        }
    }

    /// One passive checkpoint (never waits for readers).
    ///
    /// - Returns: pages in the WAL and pages copied into the database file.
    @discardableResult
    package func checkpoint() async throws -> (walPages: Int, checkpointedPages: Int) {
        try await database.writer.writeWithoutTransaction { db in
            let result = try db.checkpoint(.passive)
            return (result.walFrameCount, result.checkpointedFrameCount)
        }
    }

    /// The writer connection's automatic checkpoint threshold in pages (0 = off).
    package func autoCheckpointPages() async throws -> Int {
        try await database.writer.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? 0
        }
    }

    private func setAutoCheckpoint(pages: Int) throws {
        try database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(pages)")
        }
    }
}
