import KioskCore
import ServiceLifecycle

/// Checkpoints the database's write-ahead log on a timer instead of inside a citizen's commit, so a
/// confirmed mail request never waits for SQLite to copy the log back (the 2 ms p99 target).
struct WALCheckpointService: Service {
    let checkpointer: WALCheckpointer
    var interval: Duration = .seconds(5)

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await checkpointer.run(every: interval, clock: ContinuousClock())
        }
    }
}
