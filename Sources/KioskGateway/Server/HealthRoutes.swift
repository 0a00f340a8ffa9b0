import Hummingbird
import Logging
import PostgresNIO

/// `/healthz` (the process answers) and `/readyz` (the database answers within 2 s) on the console
/// listener, for load balancers and systemd checks.
enum HealthRoutes {
    static func register<Context: RequestContext>(on router: Router<Context>, database: GatewayDatabase) {
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/readyz") { _, _ -> Response in
            let ready = await withTaskGroup(of: Bool.self) { group in
                group.addTask { (try? await database.rows("SELECT 1")) != nil }
                group.addTask {
                    try? await Task.sleep(for: .seconds(2))
                    return false
                }
                let first = await group.next() ?? false
                group.cancelAll()
                return first
            }
            return Response(
                status: ready ? .ok : .serviceUnavailable,
                body: .init(byteBuffer: .init(string: ready ? "ready\n" : "database unavailable\n")))
        }
    }
}
