import Foundation
import KioskTestSupport
import Testing

/// The kiosk's own binary links none of the gateway's server stack (issue #13): its resident
/// memory budget (docs/performance.md) and its attack surface stay as they were. Checked on the
/// built binaries' symbol tables; the gateway's binary is the control that the check can fail.
@Suite struct BinaryIsolationTests {
    /// Swift mangles a module name as its length and the name (`11Hummingbird`).
    static let serverModules = [
        "Hummingbird", "HummingbirdTLS", "PostgresNIO", "NIOCore", "NIOSSL", "X509", "Mustache", "Prometheus",
    ]

    static func mangledModules(in binary: URL) async throws -> Set<String> {
        let result = try await runProgram(URL(fileURLWithPath: "/usr/bin/nm"), ["--defined-only", binary.path])
        try #require(result.status == 0, "nm failed: \(result.standardError)")
        var found: Set<String> = []
        for module in serverModules where result.standardOutput.contains("\(module.utf8.count)\(module)") {
            found.insert(module)
        }
        return found
    }

    @Test func theKioskLinksNoServerModule() async throws {
        let found = try await Self.mangledModules(in: BuiltProducts.path("kiosk"))
        #expect(found.isEmpty, "the kiosk binary contains \(found.sorted())")
    }

    @Test func theGatewayDoesSoTheCheckCanFail() async throws {
        let found = try await Self.mangledModules(in: BuiltProducts.path("kiosk-gateway"))
        #expect(found.isSuperset(of: ["Hummingbird", "PostgresNIO", "NIOSSL", "X509"]))
    }
}
