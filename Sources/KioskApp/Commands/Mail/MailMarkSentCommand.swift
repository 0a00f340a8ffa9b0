import ArgumentParser
import Foundation
import KioskCore

/// `kiosk mail mark-sent ID --waybill NUMBER`: 已申请 → 已交寄.
struct MailMarkSentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark-sent",
        abstract: "Record that a mail request was handed to the post, with its waybill number."
    )

    @OptionGroup var state: StateOptions

    @Argument(help: "The request id (see 'kiosk mail list').")
    var id: Int64

    @Option(name: .long, help: "The EMS waybill number.")
    var waybill: String

    func run() async throws {
        let database = try state.openDatabase()
        let request = try await database.markMailSent(
            id: id, waybill: waybill, at: Date(), terminalId: StaffIdentity.terminalId)
        print("mail request \(id) (\(request.caseNumber)) marked \(request.status.rawValue), waybill \(waybill)")
    }
}

/// The terminal id staff commands write into audit rows.
enum StaffIdentity {
    static var terminalId: String {
        ProcessInfo.processInfo.environment["KIOSK_TERMINAL_ID"] ?? "staff@\(ProcessInfo.processInfo.hostName)"
    }
}
