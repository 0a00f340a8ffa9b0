import Foundation
import KioskCore
import KioskProtocol
import KioskTestSupport
import Testing

/// 评价 export: ratings a real kiosk stored reach the gateway over mTLS, and the console's CSV for
/// each province adapter is byte for byte `kiosk evaluations export --adapter A --format csv`.
@Suite(.serialized) struct ConsoleEvaluationTests {
    @Test func theExportIsTheKiosksOwnForEveryAdapter() async throws {
        let database = try await TestDatabase.create()
        let gateway = try await RunningGateway.start(database: database)
        let device = try await TestDevice.enroll(id: "kiosk-rate", gateway: gateway)
        try await ConsoleClient.addStaff("admin", role: "admin", password: "correct horse 42", gateway: gateway)

        let state = gateway.directory.appendingPathComponent("kiosk-rate-state").path
        let kiosk = try AppDatabase.open(directory: state)
        let ratedAt = Date(timeIntervalSince1970: 1_772_676_000)
        let ratings: [(SatisfactionLevel, [String], String?, String?)] = [
            (.verySatisfied, [], "办事快, \"一次办成\"", nil),
            (.basicallySatisfied, [], "=SUM(A1)", "13912345678"),
            (.satisfied, [], nil, nil),
        ]
        for (index, rating) in ratings.enumerated() {
            let evaluation = Evaluation(
                caseNumber: "DEMO-E-000\(index)", level: rating.0, reasons: rating.1, comment: rating.2,
                callbackPhone: rating.3, ratedAt: ratedAt.addingTimeInterval(Double(index)), regionCode: "370102",
                idempotencyKey: "rate-\(index)")
            _ = try await kiosk.submitEvaluation(evaluation, terminalId: "kiosk-rate")
        }
        let items = try await kiosk.evaluations().map {
            SubmissionItem(
                idempotencyKey: $0.idempotencyKey, kind: .evaluation, createdAt: $0.ratedAt,
                payload: try JSONDocument(encoding: $0))
        }
        let delivered = try await device.request(
            "POST", "/v1/device/submissions", json: try ProtocolCoding.encoder().encode(SubmissionBatch(items: items)))
        let results = try ProtocolCoding.decoder().decode(SubmissionResults.self, from: delivered.body)
        #expect(results.results.map(\.status) == [.accepted, .accepted, .accepted])

        let admin = ConsoleClient(gateway: gateway)
        #expect(try await admin.signIn("admin", "correct horse 42").status == 302)
        let page = try await admin.get("/evaluations")
        #expect(page.text.contains("139****5678"), "callback phones masked on the page")
        #expect(!page.text.contains("13912345678"))
        for adapter in ["gbt39046", "zhejiang"] {
            let kioskExport = try await runProgram(
                BuiltProducts.path("kiosk"),
                ["evaluations", "export", "--adapter", adapter, "--format", "csv", "--state-directory", state],
                environment: ProcessInfo.processInfo.environment.merging(
                    ["KIOSK_ASSETS_DIR": repositoryRoot.appendingPathComponent("assets").path],
                    uniquingKeysWith: { $1 }))
            #expect(kioskExport.status == 0, "\(kioskExport.standardError)")
            let consoleExport = try await admin.get("/evaluations/export.csv?adapter=\(adapter)")
            #expect(consoleExport.status == 200)
            #expect(consoleExport.text == kioskExport.standardOutput, "\(adapter)")
        }
        #expect(try await admin.get("/evaluations/export.csv?adapter=nowhere").status == 400)
        await gateway.stop()
        try await database.drop()
    }
}
