import Hummingbird
import Metrics
import Prometheus

/// Prometheus metrics at `/metrics` on the console listener: the device API's requests
/// (``DeviceAPIMetrics``), the console's (Hummingbird's, through swift-metrics), requests in flight
/// and shed.
struct GatewayMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    let deviceAPI = DeviceAPIMetrics()

    /// Creates the registry and makes it the process's swift-metrics backend (once per process).
    static func bootstrap() -> GatewayMetrics {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return GatewayMetrics(registry: registry)
    }

    func register<Context: RequestContext>(on router: Router<Context>, inFlight: InFlightCounter) {
        let inFlightGauge = registry.makeGauge(
            descriptor: .init(
                namespace: "kiosk_gateway", metricName: "requests_in_flight", unitName: "",
                helpText: "Device API requests being handled"))
        let shedGauge = registry.makeGauge(
            descriptor: .init(
                namespace: "kiosk_gateway", metricName: "requests_shed", unitName: "total",
                helpText: "Device API requests answered 503 by load shedding"))
        router.get("/metrics") { _, _ -> Response in
            inFlightGauge.set(Double(inFlight.current))
            shedGauge.set(Double(inFlight.shed))
            var buffer: [UInt8] = []
            registry.emit(into: &buffer)
            buffer += Array(deviceAPI.exposition().utf8)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: .init(byteBuffer: .init(bytes: buffer)))
        }
    }
}
