import Hummingbird
import Synchronization

/// Request counts and latencies of the device API, kept with one lock per request and written at
/// `/metrics` in Prometheus' text format. Hummingbird's `MetricsMiddleware` over swift-metrics cost
/// a quarter of the heartbeat endpoint's throughput (scripts/bench-gateway); these are the same
/// facts for the few routes the device API has.
final class DeviceAPIMetrics: Sendable {
    /// The device API's routes (the last path component), and `other`.
    static let routes = ["enroll", "renew", "submissions", "changes", "snapshot", "heartbeat", "config", "other"]
    /// Latency bucket bounds in seconds.
    static let bounds: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]
    private static let classes = ["2xx", "3xx", "4xx", "5xx"]

    private struct State {
        var counts = [Int](repeating: 0, count: DeviceAPIMetrics.routes.count * 4)
        var buckets = [Int](repeating: 0, count: DeviceAPIMetrics.routes.count * (DeviceAPIMetrics.bounds.count + 1))
        var sums = [Double](repeating: 0, count: DeviceAPIMetrics.routes.count)
    }

    private let state = Mutex(State())

    /// Records one answered request.
    func record(path: String, status: Int, seconds: Double) {
        let route = Self.routes.firstIndex(of: String(path.split(separator: "/").last ?? "")) ?? Self.routes.count - 1
        let statusClass = min(max(status / 100 - 2, 0), 3)
        let bucket = Self.bounds.firstIndex { seconds <= $0 } ?? Self.bounds.count
        state.withLock { state in
            state.counts[route * 4 + statusClass] += 1
            state.buckets[route * (Self.bounds.count + 1) + bucket] += 1
            state.sums[route] += seconds
        }
    }

    /// The metrics in Prometheus' text exposition format.
    func exposition() -> String {
        let state = state.withLock { $0 }
        var text =
            "# HELP kiosk_gateway_device_requests_total Device API requests answered, by route and status class\n"
        text += "# TYPE kiosk_gateway_device_requests_total counter\n"
        for (route, name) in Self.routes.enumerated() {
            for (index, statusClass) in Self.classes.enumerated() where state.counts[route * 4 + index] > 0 {
                text += "kiosk_gateway_device_requests_total{route=\"\(name)\",status=\"\(statusClass)\"} "
                text += "\(state.counts[route * 4 + index])\n"
            }
        }
        text += "# HELP kiosk_gateway_device_request_duration_seconds Device API request latency\n"
        text += "# TYPE kiosk_gateway_device_request_duration_seconds histogram\n"
        for (route, name) in Self.routes.enumerated() {
            let row = Array(state.buckets[(route * (Self.bounds.count + 1))..<((route + 1) * (Self.bounds.count + 1))])
            let total = row.reduce(0, +)
            guard total > 0 else { continue }
            var cumulative = 0
            for (index, bound) in Self.bounds.enumerated() {
                cumulative += row[index]
                text +=
                    "kiosk_gateway_device_request_duration_seconds_bucket{route=\"\(name)\",le=\"\(bound)\"} \(cumulative)\n"
            }
            text += "kiosk_gateway_device_request_duration_seconds_bucket{route=\"\(name)\",le=\"+Inf\"} \(total)\n"
            text += "kiosk_gateway_device_request_duration_seconds_sum{route=\"\(name)\"} \(state.sums[route])\n"
            text += "kiosk_gateway_device_request_duration_seconds_count{route=\"\(name)\"} \(total)\n"
        }
        return text
    }
}

/// Records every device API answer in ``DeviceAPIMetrics`` (outermost, so it sees the problem
/// responses ``ProblemMiddleware`` makes of errors).
struct DeviceMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: DeviceAPIMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            metrics.record(path: request.uri.path, status: response.status.code, seconds: Self.seconds(since: start))
            return response
        } catch let error as any HTTPResponseError {
            metrics.record(path: request.uri.path, status: error.status.code, seconds: Self.seconds(since: start))
            throw error
        } catch {
            metrics.record(path: request.uri.path, status: 500, seconds: Self.seconds(since: start))
            throw error
        }
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
