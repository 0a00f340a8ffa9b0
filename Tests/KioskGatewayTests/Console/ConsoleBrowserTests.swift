import Foundation
import KioskProtocol
import KioskTestSupport
import Testing

/// The console in Debian's headless Chromium through selenium (scripts/console-browser-check.py):
/// sign-in typed into the form, the overview of 120 kiosks, a device page, a hand-over in the mail
/// queue, at 1366×768 and on a phone, with no page-level sideways scrolling and no CSP errors.
@Suite(
    .serialized,
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
            || ProcessInfo.processInfo.environment["KIOSK_TEST_TMPDIR"] != nil))
struct ConsoleBrowserTests {
    @Test func theConsoleWorksInARealBrowserOnADesktopAndAPhone() async throws {
        let python = try #require(
            ProcessInfo.processInfo.environment["KIOSK_TEST_PYTHON"], "scripts/test sets KIOSK_TEST_PYTHON (selenium)")
        let database = try await TestDatabase.create()
        try await database.sql(ConsoleFleetTests.fleetSQL)
        let gateway = try await RunningGateway.start(database: database)
        let device = try await TestDevice.enroll(id: "kiosk-mail", gateway: gateway)
        let items = try (1...3).map { index in
            try SubmissionFixture.item(SubmissionFixture.mailRequest(case: "DEMO-B-000\(index)", key: "key-\(index)"))
        }
        let delivered = try await device.request(
            "POST", "/v1/device/submissions", json: try ProtocolCoding.encoder().encode(SubmissionBatch(items: items)))
        #expect(delivered.status == 200)
        try await ConsoleClient.addStaff("clerk", role: "postal", password: "correct horse 42", gateway: gateway)

        let shots = gateway.directory.appendingPathComponent("browser")
        let result = try await runProgram(
            URL(fileURLWithPath: python),
            [
                repositoryRoot.appendingPathComponent("scripts/console-browser-check.py").path, gateway.consoleURL,
                "clerk", "correct horse 42", shots.path,
            ])
        #expect(result.status == 0, "\(result.standardOutput.prefix(4000))\n\(result.standardError.suffix(3000))")
        let report = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let pages = report?["pages"] as? [[String: Any]] ?? []
        #expect(pages.count == 8, "four pages at two sizes were measured")
        #expect(
            try await database.sql("SELECT waybill_number FROM mail_request WHERE status = 'posted'")
                == [["EA556677889CN"]])
        await gateway.stop()
        try await database.drop()
    }
}
