import Foundation

/// One exported request with full recipient data.
package struct MailExportRow: Codable, Sendable, Equatable, StaffExportRow {
    package var id: Int64
    package var caseNumber: String
    package var status: String
    package var recipientName: String
    package var phone: String
    package var regionCode: String
    package var address: String
    package var postcode: String
    package var certificateName: String
    package var waybillNumber: String
    package var requestedAt: String

    package static let header = [
        "id", "caseNumber", "status", "recipientName", "phone", "regionCode", "address", "postcode",
        "certificateName", "waybillNumber", "requestedAt",
    ]

    /// A row from its cells' values (the gateway builds rows from PostgreSQL).
    package init(
        id: Int64, caseNumber: String, status: String, recipientName: String, phone: String, regionCode: String,
        address: String, postcode: String, certificateName: String, waybillNumber: String, requestedAt: Date
    ) {
        self.id = id
        self.caseNumber = caseNumber
        self.status = status
        self.recipientName = recipientName
        self.phone = phone
        self.regionCode = regionCode
        self.address = address
        self.postcode = postcode
        self.certificateName = certificateName
        self.waybillNumber = waybillNumber
        self.requestedAt = StaffTime.format(requestedAt)
    }

    /// The row of one request stored on the kiosk.
    package init(_ request: MailRequest) {
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

    package var fields: [String] {
        [
            String(id), caseNumber, status, recipientName, phone, regionCode, address, postcode, certificateName,
            waybillNumber, requestedAt,
        ]
    }
}
