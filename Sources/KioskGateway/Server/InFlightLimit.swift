import Hummingbird
import Synchronization

/// Load shedding: at most `limit` requests are handled at once on this replica; the next ones are
/// answered at once with 503 and `Retry-After`, so latency cannot grow without bound while the
/// database pool or the CPU is saturated (kiosks retry with backoff).
struct InFlightLimit<Context: RequestContext>: RouterMiddleware {
    let limit: Int
    let retryAfterSeconds: Int
    let counter: InFlightCounter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard counter.enter(limit: limit) else {
            throw ProblemError.unavailable("the gateway is busy; retry later", retryAfterSeconds: retryAfterSeconds)
        }
        defer { counter.leave() }
        return try await next(request, context)
    }
}

/// The number of requests in flight, shared by the middleware and `/metrics`.
final class InFlightCounter: Sendable {
    private let value = Atomic<Int>(0)
    private let shedTotal = Atomic<Int>(0)

    /// Counts a request in; `false` (and counted as shed) when `limit` are already in flight.
    func enter(limit: Int) -> Bool {
        let now = value.wrappingAdd(1, ordering: .relaxed).newValue
        if now > limit {
            value.wrappingSubtract(1, ordering: .relaxed)
            shedTotal.wrappingAdd(1, ordering: .relaxed)
            return false
        }
        return true
    }

    func leave() { value.wrappingSubtract(1, ordering: .relaxed) }

    var current: Int { value.load(ordering: .relaxed) }
    var shed: Int { shedTotal.load(ordering: .relaxed) }
}
