import Logging
import ServiceLifecycle

/// Runs ``FeedPruner`` once a day (and once at start) until the service group shuts down.
struct FeedPruningService: Service {
    let pruner: FeedPruner
    let logger: Logger
    var interval: Duration = .seconds(86_400)

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let deleted = try await pruner.prune()
                if deleted > 0 { logger.info("feed pruned", metadata: ["rows": "\(deleted)"]) }
            } catch {
                logger.warning("feed pruning failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
