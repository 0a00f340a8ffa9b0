import Foundation
import KioskTestSupport
import Testing

/// schemathesis (PyPI, in scripts/test's venv) generates requests from openapi.yaml and sends them
/// to the real gateway with an enrolled kiosk's certificate: no 5xx, and every status, content type,
/// header and body as the file says.
@Suite(
    .serialized,
    .enabled(if: Schemathesis.tool != nil || ProcessInfo.processInfo.environment["KIOSK_TEST_TMPDIR"] != nil))
struct OpenAPIConformanceTests {
    @Test func theRunningGatewayKeepsToOpenAPI() async throws {
        let tool = try #require(Schemathesis.tool, "schemathesis is not installed (scripts/test installs it)")
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let device = try await TestDevice.enroll(id: "kiosk-schema", gateway: gateway)
        let result = try await runProgram(
            tool,
            [
                "run", repositoryRoot.appendingPathComponent("openapi.yaml").path,
                "--url", "https://127.0.0.1:\(gateway.devicePort)",
                "--tls-verify", gateway.caDirectory.appendingPathComponent("ca.pem").path,
                "--request-cert", device.certificatePath, "--request-cert-key", device.keyPath,
                "--checks",
                "not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance",
                "--max-examples", "25", "--seed", "13", "--generation-deterministic", "--workers", "1",
                "--suppress-health-check", "all", "--no-color",
            ],
            environment: ProcessInfo.processInfo.environment.merging(
                ["SCHEMATHESIS_HOOKS": "", "NO_COLOR": "1"], uniquingKeysWith: { $1 }),
            currentDirectory: gateway.directory)
        #expect(
            result.status == 0,
            "schemathesis:\n\(result.standardOutput.suffix(6000))\n\(result.standardError.suffix(2000))")
        #expect(result.standardOutput.contains("Tested: 7"), "every operation of openapi.yaml was exercised")
        await gateway.stop()
        try await database.drop()
    }
}

/// The schemathesis of scripts/test's venv (beside `KIOSK_TEST_PYTHON`).
enum Schemathesis {
    static var tool: URL? {
        guard let python = ProcessInfo.processInfo.environment["KIOSK_TEST_PYTHON"] else { return nil }
        let tool = URL(fileURLWithPath: python).deletingLastPathComponent().appendingPathComponent("schemathesis")
        return FileManager.default.isExecutableFile(atPath: tool.path) ? tool : nil
    }
}
