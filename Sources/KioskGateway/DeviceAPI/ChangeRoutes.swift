import Hummingbird
import KioskProtocol

/// `GET /v1/device/changes?cursor=&limit=`: the device's change feed, one page at a time;
/// `GET /v1/device/snapshot?page=`: everything in its scope, the last page with the cursor.
enum ChangeRoutes {
    static func register(on device: RouterGroup<DeviceRequestContext>, environment: DeviceAPIEnvironment) {
        let reader = FeedReader(database: environment.database)
        let snapshot = FeedSnapshot(database: environment.database)
        device.get("snapshot") { request, context -> Response in
            let deviceId = try context.authenticatedDevice()
            let token = request.uri.queryParameters["page"].map(String.init)
            do {
                return try await snapshot.page(token: token, deviceId: deviceId).response(
                    from: request, context: context)
            } catch let gone as FeedCursorGone {
                return try gone.response(from: request, context: context)
            }
        }
        device.get("changes") { request, context -> Response in
            let deviceId = try context.authenticatedDevice()
            let limit: Int
            if let text = request.uri.queryParameters["limit"] {
                guard let value = Int(String(text)), (1...FeedReader.maximumLimit).contains(value) else {
                    throw ProblemError(
                        status: .badRequest, title: "bad limit",
                        detail: "limit is 1–\(FeedReader.maximumLimit)")
                }
                limit = value
            } else {
                limit = FeedReader.defaultLimit
            }
            let cursor = request.uri.queryParameters["cursor"].map(String.init)
            // Answered here, not thrown: the problem middleware turns thrown errors into problem+json.
            do {
                return try await reader.page(after: cursor, deviceId: deviceId, limit: limit)
                    .response(from: request, context: context)
            } catch let gone as FeedCursorGone {
                return try gone.response(from: request, context: context)
            }
        }
    }
}
