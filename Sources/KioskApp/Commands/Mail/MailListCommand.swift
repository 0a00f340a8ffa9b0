import ArgumentParser
import Foundation
import KioskCore

/// `kiosk mail list [--json] [--status S]`: the mail requests, masked.
struct MailListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List mail requests with recipient data masked."
    )

    @OptionGroup var state: StateOptions

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    @Option(
        name: .long,
        help: "Only requests in this state: \(MailStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
    var status: MailStatus?

    func run() async throws {
        let database = try state.openDatabase()
        let requests = try await database.mailRequests(status: status)
        let rows = requests.map(MaskedMailRow.init)
        if json {
            print(String(decoding: try StaffExport.json(rows), as: UTF8.self))
            return
        }
        print(
            ["id", "case", "status", "recipient", "region", "address", "waybill", "requested"].joined(separator: "\t"))
        for row in rows {
            print(
                [
                    String(row.id), row.caseNumber, row.status, row.recipient, row.regionCode, row.address,
                    row.waybillNumber ?? "-", row.requestedAt,
                ].joined(separator: "\t"))
        }
    }
}

extension MailStatus: ExpressibleByArgument {}

/// A mail request as staff may see it on screen: personal fields masked.
struct MaskedMailRow: Codable {
    var id: Int64
    var caseNumber: String
    var status: String
    var recipient: String
    var regionCode: String
    var address: String
    var postcode: String
    var certificateName: String
    var waybillNumber: String?
    var requestedAt: String

    init(_ request: MailRequest) {
        id = request.id ?? 0
        caseNumber = request.caseNumber
        status = request.status.rawValue
        recipient = request.maskedRecipient
        regionCode = request.regionCode
        address = request.maskedAddress
        postcode = request.postcode
        certificateName = request.certificateName
        waybillNumber = request.waybillNumber
        requestedAt = StaffTime.format(request.requestedAt)
    }
}
