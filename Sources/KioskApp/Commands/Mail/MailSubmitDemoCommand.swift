import ArgumentParser
import Foundation
import KioskCore

/// `kiosk mail submit-demo --count N --prefix P` (hidden, for tests): submits N invented mail
/// requests through the real commit path and prints `CONFIRMED <key>` after each commit returns.
///
/// The crash-safety test kills this process at random moments and then checks that every confirmed
/// key is stored exactly once with its outbox and audit rows.
struct MailSubmitDemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit-demo",
        abstract: "Submit invented mail requests and print CONFIRMED <key> after each commit (tests).",
        shouldDisplay: false
    )

    @OptionGroup var state: StateOptions

    @Option(name: .long, help: "How many requests to submit.")
    var count: Int = 10

    @Option(name: .long, help: "Prefix of the 办件编号 and idempotency keys.")
    var prefix: String = "SUBMIT"

    func run() async throws {
        let database = try state.openDatabase()
        for index in 0..<count {
            let key = "\(prefix)-\(index)"
            let request = MailRequest(
                caseNumber: key, idempotencyKey: key, recipientName: "测试收件人", phone: "13800138000",
                regionCode: "330106", address: "浙江省杭州市西湖区文三路90号", postcode: "310000",
                certificateName: "测试证照", requestedAt: Date())
            let submission = try await database.submitMailRequest(request, terminalId: "submit-demo")
            let word = if case .created = submission { "CONFIRMED" } else { "EXISTING" }
            FileHandle.standardOutput.write(Data("\(word) \(key)\n".utf8))
        }
    }
}
