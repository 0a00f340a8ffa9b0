import Foundation

/// Finds kiosk-gateway's data files (`migrations/`, `console/`) at run time.
///
/// In order: `$KIOSK_GATEWAY_RESOURCES`; `<executable dir>/../share/kiosk-gateway` (an installed
/// package); the SwiftPM resource bundle beside the executable (a development build).
struct GatewayResources: Sendable {
    /// The directory holding `migrations/` and `console/`.
    var root: URL

    var migrations: URL { root.appendingPathComponent("migrations", isDirectory: true) }
    var console: URL { root.appendingPathComponent("console", isDirectory: true) }

    /// Locates the resources.
    ///
    /// - Throws: ``GatewayError`` listing the places searched.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> GatewayResources {
        var candidates: [URL] = []
        if let explicit = environment["KIOSK_GATEWAY_RESOURCES"], !explicit.isEmpty {
            candidates.append(URL(fileURLWithPath: explicit, isDirectory: true))
        } else {
            let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            let directory = executable.deletingLastPathComponent()
            candidates.append(
                directory.deletingLastPathComponent().appendingPathComponent("share/kiosk-gateway", isDirectory: true))
            candidates.append(
                directory.appendingPathComponent("kiosk_KioskGateway.resources/Resources", isDirectory: true))
        }
        for candidate in candidates
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("migrations").path) {
            return GatewayResources(root: candidate)
        }
        throw GatewayError.configuration(
            "resources not found (migrations/, console/); looked in " + candidates.map(\.path).joined(separator: ", "))
    }
}
