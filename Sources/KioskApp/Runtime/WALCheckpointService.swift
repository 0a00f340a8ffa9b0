import KioskCore
import Logging
import ServiceLifecycle

/// Checkpoints the database's write-ahead log on a timer instead of inside a citizen's commit, so a
/// confirmed mail request never waits for SQLite to copy the log back (the 2 ms p99 target).
///
/// A failed checkpoint (disk full, I/O error) is logged and retried: it must never stop the kiosk;
/// ``DatabaseHealth`` decides whether citizens are served meanwhile.
struct WALCheckpointService: Service {
    let checkpointer: WALCheckpointer
    var interval: Duration = .seconds(5)
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown {
                    try await checkpointer.run(every: interval, clock: ContinuousClock())
                }
                return
            } catch is CancellationError {
                return
            } catch {
                logger.warning("WAL checkpoint failed; retrying", metadata: ["database.error": "\(error)"])
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            }
        }
    }
}
