import Foundation
import HTTPTypes
import Hummingbird
import KioskProtocol

/// `GET /v1/device/config`: the merged configuration with `ETag: "<version>"` (`W/"<version>"`
/// when ``ResponseCompression`` gzipped it); 304 when the request's `If-None-Match` names the
/// current version, strong or weak.
enum ConfigRoutes {
    static func register(on device: RouterGroup<DeviceRequestContext>, environment: DeviceAPIEnvironment) {
        let store = DeviceConfigStore(database: environment.database)
        device.get("config") { request, context -> Response in
            let deviceId = try context.authenticatedDevice()
            let document = try await store.document(deviceId: deviceId)
            let etag = "\"\(document.version)\""
            // Weak comparison (RFC 9110 §13.1.2): a gzipped answer carried W/"<version>".
            let asked = request.headers[values: .ifNoneMatch].flatMap { $0.split(separator: ",") }.map {
                let tag = $0.trimmingCharacters(in: .whitespaces)
                return tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
            }
            if asked.contains(etag) || asked.contains("*") {
                return Response(status: .notModified, headers: [.eTag: etag])
            }
            var response = try document.response(from: request, context: context)
            response.headers[.eTag] = etag
            return response
        }
    }
}
