import Foundation
import KioskCore
import KioskUI

/// Mail delivery for the card holder (rule R11): the draft the screens start from, the request a
/// confirmed draft becomes, and the masked receipt the citizen is shown.
struct MailDrafting {
    /// The kiosk's county, for holders whose ID number names none.
    let regionCode: String
    let now: @Sendable () -> Date

    /// The draft for `caseFile`: the recipient is the card holder, the addresses are offered masked.
    func defaults(for caseFile: CaseFile, identity: Identity) -> MailDraft {
        var options: [AddressOption] = []
        if let onRecord = caseFile.addressOnRecord?.nonEmpty {
            options.append(
                AddressOption(
                    id: "record", source: .onRecord, maskedText: Masking.address(onRecord), fullText: onRecord))
        }
        if let cardAddress = identity.address?.nonEmpty {
            options.append(
                AddressOption(
                    id: "card", source: .idCard, maskedText: Masking.address(cardAddress), fullText: cardAddress))
        }
        return MailDraft(
            caseNumber: caseFile.number, recipientMaskedName: identity.maskedName, addressOptions: options,
            selectedAddressID: options.first?.id)
    }

    /// The request a confirmed `draft` becomes.
    ///
    /// - Throws: ``MailValidationError`` (address missing) when no address was chosen; the rest of
    ///   the request is validated when it is stored.
    func request(from draft: MailDraft, caseFile: CaseFile, identity: Identity) throws -> MailRequest {
        let address: String?
        switch draft.selectedAddress?.source {
        case .onRecord: address = caseFile.addressOnRecord
        case .idCard: address = identity.address
        case nil: address = nil
        }
        guard let address, !address.isEmpty else { throw MailValidationError(.address, .missing) }
        return MailRequest(
            caseNumber: caseFile.number, idempotencyKey: "mail-\(caseFile.number)",
            recipientName: identity.name, phone: draft.phone,
            regionCode: MailRequest.regionCode(for: identity.number, kioskCounty: regionCode), address: address,
            postcode: "", certificateName: caseFile.certificateName ?? caseFile.itemName, requestedAt: now())
    }

    /// The receipt the citizen is shown: masked recipient, phone and address.
    func receipt(_ request: MailRequest) -> MailReceipt {
        MailReceipt(
            requestNumber: request.requestNumber, caseNumber: request.caseNumber,
            recipientMaskedName: request.recipientName.map(Masking.name) ?? "",
            maskedPhone: request.phone.map(Masking.phone) ?? "", maskedAddress: request.maskedAddress,
            statusText: request.status.chineseName)
    }
}
