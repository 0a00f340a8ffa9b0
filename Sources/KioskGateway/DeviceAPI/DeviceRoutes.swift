import Hummingbird

/// The device API (v1): `/v1/device/…` (docs/gateway.md, openapi.yaml).
enum DeviceRoutes {
    static func register(on router: Router<DeviceRequestContext>, environment: DeviceAPIEnvironment) {
        EnrollmentRoutes.register(on: router, environment: environment)
        registerAuthenticated(
            on: router.group("/v1/device").add(middleware: DeviceAuthentication(environment: environment)),
            environment: environment)
    }

    /// The routes behind the authentication middleware of `device` (the certificate's in `serve`;
    /// the benchmark's loopback stand-in in `bench serve`).
    static func registerAuthenticated(on device: RouterGroup<DeviceRequestContext>, environment: DeviceAPIEnvironment) {
        SubmissionRoutes.register(on: device, environment: environment)
        ChangeRoutes.register(on: device, environment: environment)
        HeartbeatRoutes.register(on: device, environment: environment)
        ConfigRoutes.register(on: device, environment: environment)
    }
}
