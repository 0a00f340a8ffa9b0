import Foundation
import KioskCore
import Logging
import ServiceLifecycle
import Synchronization

/// Watches whether the database still takes commits. While it does not (disk full, I/O error) the
/// kiosk shows 暂停服务 instead of letting citizens start something it cannot store; it keeps
/// retrying and resumes by itself, without a restart.
///
/// Two checks: the free space of the state directory's file system (SQLite reuses the space of its
/// write-ahead log, so a nearly full disk fails only the commits that need more room, at random; a
/// margin catches it first), and a tiny real commit (I/O errors, a read-only file system).
final class DatabaseHealth: Service, Sendable {
    private let database: AppDatabase
    private let stateDirectory: String
    private let minimumFreeBytes: Int64
    private let healthyInterval: Duration
    private let failingInterval: Duration
    private let logger: Logger
    private let healthy = Mutex(true)
    private let wakes: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    /// - Parameter minimumFreeBytes: below this much free space the service pauses (default 8 MiB:
    ///   room for thousands of requests, and for SQLite's checkpoints).
    init(
        database: AppDatabase, stateDirectory: String, minimumFreeBytes: Int64 = 8 << 20,
        healthyInterval: Duration = .seconds(10), failingInterval: Duration = .seconds(2), logger: Logger
    ) {
        self.database = database
        self.stateDirectory = stateDirectory
        self.minimumFreeBytes = minimumFreeBytes
        self.healthyInterval = healthyInterval
        self.failingInterval = failingInterval
        self.logger = logger
        (wakes, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// `false` while the last probe failed.
    var isHealthy: Bool { healthy.withLock { $0 } }

    /// Probes now (a request just failed to store).
    func probeSoon() { wake.yield() }

    func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [self] in
                while !Task.isCancelled {
                    let interval = isHealthy ? healthyInterval : failingInterval
                    try? await Task.sleep(for: interval)
                    wake.yield()
                }
            }
            await probe()
            for await _ in wakes.cancelOnGracefulShutdown() {
                await probe()
            }
            group.cancelAll()
        }
    }

    /// One probe; logs the transitions.
    func probe() async {
        do {
            var stats = statvfs()
            if statvfs(stateDirectory, &stats) == 0 {
                let free = Int64(stats.f_bavail) * Int64(stats.f_frsize)
                guard free >= minimumFreeBytes else { throw LowDiskSpace(freeBytes: free, directory: stateDirectory) }
            }
            try await database.probeWrite(now: Date())
            if !healthy.withLock({
                let was = $0
                $0 = true
                return was
            }) {
                logger.notice("database writable again: service resumed")
            }
        } catch {
            if healthy.withLock({
                let was = $0
                $0 = false
                return was
            }) {
                logger.critical("database cannot commit: service paused", metadata: ["database.error": "\(error)"])
            }
        }
    }
}

/// The state directory's file system is (nearly) full.
struct LowDiskSpace: Error, CustomStringConvertible {
    let freeBytes: Int64
    let directory: String
    var description: String { "only \(freeBytes) bytes free under \(directory)" }
}
