import Foundation
import GRDB

extension AppDatabase {
    /// Records the commands of a heartbeat answer; a command whose id is already known is ignored,
    /// so a command the gateway repeats is still run at most once.
    ///
    /// - Returns: the number of new commands.
    @discardableResult
    package func recordCommands(_ commands: [(id: String, kind: String, deadline: Date?)], at time: Date)
        async throws -> Int
    {
        let entries = commands.map {
            DeviceCommandEntry(id: $0.id, kind: $0.kind, deadline: $0.deadline, receivedAt: time)
        }
        return try await writer.write { db in
            var inserted = 0
            for entry in entries {
                try entry.insert(db, onConflict: .ignore)
                inserted += db.changesCount
            }
            return inserted
        }
    }

    /// The oldest command not started yet and not past its deadline. Commands whose deadline passed
    /// before they were started are first finished as failed (``DeviceCommandEntry/deadlinePassedDetail``),
    /// in the same transaction, so their result is reported. `kinds` limits the search to the
    /// commands one process executes (the sync process runs `resync`, the UI process the others).
    package func nextCommand(now: Date, kinds: Set<String>? = nil) async throws -> DeviceCommandEntry? {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE deviceCommand SET finishedAt = ?1, ok = 0, detail = ?2
                    WHERE startedAt IS NULL AND finishedAt IS NULL AND deadline IS NOT NULL AND deadline < ?1
                    """, arguments: [StoredTime(now), DeviceCommandEntry.deadlinePassedDetail])
            let waiting = try DeviceCommandEntry.fetchAll(
                db,
                sql: """
                    SELECT * FROM deviceCommand WHERE startedAt IS NULL AND finishedAt IS NULL
                    ORDER BY receivedAt, rowid
                    """)
            return waiting.first { kinds?.contains($0.kind) ?? true }
        }
    }

    /// Marks a command started, only if it was neither started nor finished: the at-most-once guard.
    /// Run the command only when this returns `true`.
    ///
    /// A command started but never finished (the kiosk stopped while running it) is not run again.
    package func startCommand(id: String, at time: Date) async throws -> Bool {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE deviceCommand SET startedAt = ? WHERE id = ? AND startedAt IS NULL AND finishedAt IS NULL",
                arguments: [StoredTime(time), id])
            return db.changesCount == 1
        }
    }

    /// Records a command's result (personal numbers in `detail` masked); a command already finished
    /// keeps its first result.
    package func finishCommand(id: String, ok: Bool, detail: String?, at time: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE deviceCommand SET finishedAt = ?, ok = ?, detail = ? WHERE id = ? AND finishedAt IS NULL",
                arguments: [StoredTime(time), ok, detail.map { Masking.redactingPersonalNumbers(in: $0) }, id])
        }
    }

    /// Finished commands whose result has not been reported yet, oldest first.
    package func unreportedCommandResults() async throws -> [DeviceCommandEntry] {
        try await reader.read { db in
            try DeviceCommandEntry.fetchAll(
                db,
                sql: """
                    SELECT * FROM deviceCommand WHERE finishedAt IS NOT NULL AND reportedAt IS NULL
                    ORDER BY finishedAt, rowid
                    """)
        }
    }

    /// Marks results as reported (after the heartbeat carrying them was answered).
    package func markCommandResultsReported(ids: [String], at time: Date) async throws {
        try await writer.write { db in
            for id in ids {
                try db.execute(
                    sql: "UPDATE deviceCommand SET reportedAt = ? WHERE id = ? AND finishedAt IS NOT NULL",
                    arguments: [StoredTime(time), id])
            }
        }
    }

    /// The command log, oldest first (inspection, tests).
    package func deviceCommands() async throws -> [DeviceCommandEntry] {
        try await reader.read { db in
            try DeviceCommandEntry.fetchAll(db, sql: "SELECT * FROM deviceCommand ORDER BY rowid")
        }
    }
}
