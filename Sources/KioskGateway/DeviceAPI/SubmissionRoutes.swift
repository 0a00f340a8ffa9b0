import Hummingbird
import KioskProtocol

/// `POST /v1/device/submissions`: a batch of at most ``SubmissionBatch/maximumItems`` outbox
/// rows, answered item by item after each item's commit (docs/gateway.md, "Delivery semantics").
enum SubmissionRoutes {
    static func register(on device: RouterGroup<DeviceRequestContext>, environment: DeviceAPIEnvironment) {
        let store = SubmissionStore(database: environment.database)
        device.post("submissions") { request, context -> SubmissionResults in
            let deviceId = try context.authenticatedDevice()
            let batch = try await request.decode(as: SubmissionBatch.self, context: context)
            guard batch.items.count <= SubmissionBatch.maximumItems else {
                throw ProblemError(
                    status: .contentTooLarge, title: "batch too large",
                    detail: "\(batch.items.count) items; at most \(SubmissionBatch.maximumItems) per batch")
            }
            return SubmissionResults(results: try await store.store(batch.items, deviceId: deviceId))
        }
    }
}
