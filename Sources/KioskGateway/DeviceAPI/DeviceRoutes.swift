import Hummingbird

/// The device API (v1): `/v1/device/…` (docs/gateway.md, openapi.yaml).
enum DeviceRoutes {
    static func register(on router: Router<DeviceRequestContext>, environment: DeviceAPIEnvironment) {
        EnrollmentRoutes.register(on: router, environment: environment)
        let device = router.group("/v1/device").add(middleware: DeviceAuthentication(environment: environment))
        SubmissionRoutes.register(on: device, environment: environment)
        ChangeRoutes.register(on: device, environment: environment)
        HeartbeatRoutes.register(on: device, environment: environment)
        ConfigRoutes.register(on: device, environment: environment)
    }
}
