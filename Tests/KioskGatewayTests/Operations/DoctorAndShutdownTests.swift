import Foundation
import KioskTestSupport
import Testing

/// `kiosk-gateway doctor` and the end of `serve`, on the real binary.
@Suite(.serialized) struct DoctorAndShutdownTests {
    @Test func doctorReportsEveryPartAndFailsOnABadDatabase() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let healthy = try await gateway.cli(["doctor", "--json"])
        #expect(healthy.status == 0, "\(healthy.standardOutput)")
        let findings = try JSONDecoder().decode([[String: JSONField]].self, from: Data(healthy.standardOutput.utf8))
        let checks = findings.compactMap { $0["check"]?.text }
        #expect(
            checks == [
                "configuration", "database", "migrations", "ca", "server certificate", "device_api.listen",
                "console.listen",
            ])

        let broken = try await runProgram(
            BuiltProducts.path("kiosk-gateway"), ["doctor", "--config", gateway.configPath],
            environment: [
                "KIOSK_GATEWAY_DATABASE_URL": "postgres://nobody@127.0.0.1:1/none?sslmode=disable",
                "PATH": "/usr/bin:/bin",
            ])
        #expect(broken.status == 1)
        #expect(broken.standardOutput.contains("ERROR database"))
        #expect(broken.standardOutput.contains("ok    ca"), "one broken part does not hide the others")
        await gateway.stop()
        try await database.drop()
    }

    @Test func sigtermEndsServeCleanly() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let ready = try await Curl.request("GET", gateway.consoleURL + "/readyz")
        #expect(ready.status == 200)
        let start = ContinuousClock.now
        let status = await gateway.stop()
        #expect(status == 0)
        #expect(ContinuousClock.now - start < .seconds(10))
        try await database.drop()
    }

    @Test func readyzSaysWhenTheDatabaseIsGone() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        #expect(try await Curl.request("GET", gateway.consoleURL + "/healthz").status == 200)
        try await database.drop()
        let notReady = try await Curl.request("GET", gateway.consoleURL + "/readyz")
        #expect(notReady.status == 503)
        #expect(try await Curl.request("GET", gateway.consoleURL + "/healthz").status == 200)
        await gateway.stop()
    }
}

/// A JSON value of a doctor finding (string or bool).
enum JSONField: Decodable {
    case text(String)
    case flag(Bool)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    var text: String? { if case .text(let value) = self { value } else { nil } }
}
