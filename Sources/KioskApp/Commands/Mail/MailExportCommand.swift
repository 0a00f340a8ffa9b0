import ArgumentParser
import Foundation
import KioskCore

/// `kiosk mail export`: the full recipient data for the postal service, the only place it leaves
/// the kiosk. A file is created with mode 0600 and never overwritten without `--force`.
struct MailExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export mail requests with full recipient data (CSV or JSON, file mode 0600)."
    )

    @OptionGroup var state: StateOptions

    @Option(name: .long, help: SinceArgument.help("requests confirmed"))
    var since: SinceArgument?

    @OptionGroup var export: ExportOptions

    func run() async throws {
        let database = try state.openDatabase()
        let requests = try await database.mailRequests(since: since?.date ?? .distantPast)
        try export.write(requests.map(MailExportRow.init), noun: "mail requests")
    }
}

/// One exported request with full recipient data.
struct MailExportRow: Codable, StaffExportRow {
    var id: Int64
    var caseNumber: String
    var status: String
    var recipientName: String
    var phone: String
    var regionCode: String
    var address: String
    var postcode: String
    var certificateName: String
    var waybillNumber: String
    var requestedAt: String

    static let header = [
        "id", "caseNumber", "status", "recipientName", "phone", "regionCode", "address", "postcode",
        "certificateName", "waybillNumber", "requestedAt",
    ]

    init(_ request: MailRequest) {
        id = request.id ?? 0
        caseNumber = request.caseNumber
        status = request.status.rawValue
        recipientName = request.recipientName ?? ""
        phone = request.phone ?? ""
        regionCode = request.regionCode
        address = request.address ?? ""
        postcode = request.postcode
        certificateName = request.certificateName
        waybillNumber = request.waybillNumber ?? ""
        requestedAt = StaffTime.format(request.requestedAt)
    }

    var fields: [String] {
        [
            String(id), caseNumber, status, recipientName, phone, regionCode, address, postcode, certificateName,
            waybillNumber, requestedAt,
        ]
    }
}
