import Hummingbird

/// The benchmark's stand-in for ``DeviceAuthentication`` on a loopback-only plain-HTTP listener:
/// the device id comes from the `X-Bench-Device` header (a load generator such as wrk cannot
/// present 30,000 client certificates), then the same registry check with the same cache.
/// Only `kiosk-gateway bench serve` installs it, and that listener binds 127.0.0.1.
struct BenchDeviceIdentity: RouterMiddleware {
    typealias Context = DeviceRequestContext
    let environment: DeviceAPIEnvironment
    let cache = DeviceStatusCache()

    func handle(
        _ request: Request, context: DeviceRequestContext,
        next: (Request, DeviceRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let deviceId = request.headers[.init("X-Bench-Device")!] else {
            throw ProblemError(status: .unauthorized, title: "X-Bench-Device required")
        }
        guard try await cache.isActive(deviceId, database: environment.database) else {
            throw ProblemError(status: .forbidden, title: "device not enrolled or revoked", detail: deviceId)
        }
        var context = context
        context.deviceId = deviceId
        return try await next(request, context)
    }
}
