/// What the receipt templates need to know about the kiosk and its site.
package struct ReceiptSite: Sendable {
    /// Printed as the receipt header, e.g. `某某市政务服务中心`.
    package var siteName: String
    /// The terminal id printed on every receipt.
    package var terminalID: String
    /// Builds the QR code URL.
    package var qrLink: ReceiptQRLink

    /// Creates site settings.
    package init(siteName: String, terminalID: String, qrLink: ReceiptQRLink) {
        self.siteName = siteName
        self.terminalID = terminalID
        self.qrLink = qrLink
    }
}

/// The facts of an application (办件) for the status slip, as already-formatted strings.
///
/// Applicant values may be given in full: the template masks them (rule R3); already-masked values
/// stay as they are.
package struct CaseFileSlipInput: Sendable, Hashable {
    package var itemName: String
    package var caseNumber: String
    package var acceptedAt: String
    package var status: String
    package var promisedDate: String
    package var department: String
    package var consultPhone: String
    package var supervisionPhone: String
    package var applicantName: String
    package var applicantIDNumber: String

    /// Creates the input; every field is a display string.
    package init(
        itemName: String,
        caseNumber: String,
        acceptedAt: String,
        status: String,
        promisedDate: String,
        department: String,
        consultPhone: String,
        supervisionPhone: String,
        applicantName: String,
        applicantIDNumber: String
    ) {
        self.itemName = itemName
        self.caseNumber = caseNumber
        self.acceptedAt = acceptedAt
        self.status = status
        self.promisedDate = promisedDate
        self.department = department
        self.consultPhone = consultPhone
        self.supervisionPhone = supervisionPhone
        self.applicantName = applicantName
        self.applicantIDNumber = applicantIDNumber
    }
}

/// The facts of a mail-delivery request (免费邮寄) for its receipt, as already-formatted strings.
///
/// Recipient values may be given in full: the template masks them (rules R3, R21).
package struct MailRequestReceiptInput: Sendable, Hashable {
    package var itemName: String
    package var caseNumber: String
    package var certificateName: String
    package var requestedAt: String
    package var status: String
    package var promisedDate: String
    package var department: String
    package var consultPhone: String
    package var supervisionPhone: String
    package var recipientName: String
    package var recipientPhone: String
    package var recipientAddress: String
    package var postcode: String

    /// Creates the input; every field is a display string.
    package init(
        itemName: String,
        caseNumber: String,
        certificateName: String,
        requestedAt: String,
        status: String,
        promisedDate: String,
        department: String,
        consultPhone: String,
        supervisionPhone: String,
        recipientName: String,
        recipientPhone: String,
        recipientAddress: String,
        postcode: String
    ) {
        self.itemName = itemName
        self.caseNumber = caseNumber
        self.certificateName = certificateName
        self.requestedAt = requestedAt
        self.status = status
        self.promisedDate = promisedDate
        self.department = department
        self.consultPhone = consultPhone
        self.supervisionPhone = supervisionPhone
        self.recipientName = recipientName
        self.recipientPhone = recipientPhone
        self.recipientAddress = recipientAddress
        self.postcode = postcode
    }
}
