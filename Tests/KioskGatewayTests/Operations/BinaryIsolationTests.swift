import Foundation
import KioskTestSupport
import Testing

/// The kiosk's own binary links none of the gateway's server stack (issue #13) and no network code
/// at all (issue #14): the citizen-facing process never parses a byte from the network, and its
/// resident memory budget (docs/performance.md) stays as it was. Checked on the built binaries'
/// symbol tables and dynamic sections; the gateway's and kiosk-sync's binaries are the controls
/// that the checks can fail.
@Suite struct BinaryIsolationTests {
    /// Swift mangles a module name as its length and the name (`11Hummingbird`).
    static let serverModules = [
        "Hummingbird", "HummingbirdTLS", "PostgresNIO", "NIOCore", "NIOSSL", "X509", "Mustache", "Prometheus",
    ]
    /// The sync side's network modules.
    static let networkModules = ["KioskSync", "KioskProtocol", "X509"]

    static func mangledModules(in binary: URL, among modules: [String]) async throws -> Set<String> {
        let result = try await runProgram(URL(fileURLWithPath: "/usr/bin/nm"), ["--defined-only", binary.path])
        try #require(result.status == 0, "nm failed: \(result.standardError)")
        var found: Set<String> = []
        for module in modules where result.standardOutput.contains("\(module.utf8.count)\(module)") {
            found.insert(module)
        }
        return found
    }

    /// The shared libraries `binary` needs (`DT_NEEDED`).
    static func neededLibraries(of binary: URL) async throws -> [String] {
        let result = try await runProgram(URL(fileURLWithPath: "/usr/bin/readelf"), ["-d", binary.path])
        try #require(result.status == 0, "readelf failed: \(result.standardError)")
        return result.standardOutput.split(separator: "\n").compactMap { line in
            guard line.contains("(NEEDED)"), let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]")
            else { return nil }
            return String(line[line.index(after: open)..<close])
        }
    }

    @Test func theKioskLinksNoServerModule() async throws {
        let found = try await Self.mangledModules(in: BuiltProducts.path("kiosk"), among: Self.serverModules)
        #expect(found.isEmpty, "the kiosk binary contains \(found.sorted())")
    }

    @Test func theKioskLinksNoNetworkCode() async throws {
        let kiosk = BuiltProducts.path("kiosk")
        let found = try await Self.mangledModules(in: kiosk, among: Self.networkModules)
        #expect(found.isEmpty, "the kiosk binary contains \(found.sorted())")
        let libraries = try await Self.neededLibraries(of: kiosk)
        #expect(!libraries.isEmpty, "readelf listed the kiosk's libraries")
        #expect(!libraries.contains { $0.hasPrefix("libcurl") || $0.hasPrefix("libssl") }, "\(libraries)")
    }

    @Test func theGatewayAndTheSyncProcessDoSoTheChecksCanFail() async throws {
        let found = try await Self.mangledModules(in: BuiltProducts.path("kiosk-gateway"), among: Self.serverModules)
        #expect(found.isSuperset(of: ["Hummingbird", "PostgresNIO", "NIOSSL", "X509"]))
        let sync = BuiltProducts.path("kiosk-sync")
        #expect(
            try await Self.mangledModules(in: sync, among: Self.networkModules).isSuperset(of: ["KioskSync", "X509"]))
        #expect(try await Self.neededLibraries(of: sync).contains { $0.hasPrefix("libcurl") })
        let server = try await Self.mangledModules(
            in: sync, among: ["Hummingbird", "PostgresNIO", "NIOCore", "NIOSSL"])
        #expect(server.isEmpty, "kiosk-sync links no server module either: \(server.sorted())")
    }
}
