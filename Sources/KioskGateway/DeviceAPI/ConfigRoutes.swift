import Foundation
import HTTPTypes
import Hummingbird
import KioskProtocol

/// `GET /v1/device/config`: the merged configuration with `ETag: "<version>"`; 304 when the
/// request's `If-None-Match` names the current version.
enum ConfigRoutes {
    static func register(on device: RouterGroup<DeviceRequestContext>, environment: DeviceAPIEnvironment) {
        let store = DeviceConfigStore(database: environment.database)
        device.get("config") { request, context -> Response in
            let deviceId = try context.authenticatedDevice()
            let document = try await store.document(deviceId: deviceId)
            let etag = "\"\(document.version)\""
            let asked = request.headers[.ifNoneMatch]?.split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if let asked, asked.contains(etag) || asked.contains("*") {
                return Response(status: .notModified, headers: [.eTag: etag])
            }
            var response = try document.response(from: request, context: context)
            response.headers[.eTag] = etag
            return response
        }
    }
}
