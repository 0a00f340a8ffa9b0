import KioskCore

/// A free-mail request being filled in on the kiosk (rule R21).
///
/// The recipient is always the card holder. Each address option carries its masked text and the full
/// text, which only the mail summary draws (the card holder checks it before submitting). The draft
/// lives in ``CitizenSession/mailDraft`` and the mail screens' state only, and goes with the session.
/// `description`, `debugDescription` and the mirror are masked, so a draft interpolated into a log
/// line or dumped never shows the full address or the typed mobile number.
package struct MailDraft: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The 办件编号 to deliver for.
    package var caseNumber: String
    /// The recipient's masked name (the card holder).
    package var recipientMaskedName: String
    /// The recipient's mobile number as typed on the keypad (digits only); empty until entered.
    package var phone: String
    /// The addresses the citizen may choose from.
    package var addressOptions: [AddressOption]
    /// The chosen option's identifier.
    package var selectedAddressID: String?

    /// The masked view: number, masked name, masked phone, the options' masked texts.
    package var description: String {
        let phone = phone.isEmpty ? "" : Masking.phone(phone)
        return "MailDraft(caseNumber: \(caseNumber), recipient: \(recipientMaskedName), "
            + "phone: \(phone), addressOptions: \(addressOptions), selected: \(selectedAddressID ?? "nil"))"
    }

    /// Same as ``description``: debugging output must not leak either.
    package var debugDescription: String { description }

    /// A mirror of masked values only (`dump` and reflection-based printing use it).
    package var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "caseNumber": caseNumber, "recipientMaskedName": recipientMaskedName,
                "phone": phone.isEmpty ? "" : Masking.phone(phone), "addressOptions": addressOptions,
                "selectedAddressID": selectedAddressID as Any,
            ], displayStyle: .struct)
    }

    /// Creates a draft.
    package init(
        caseNumber: String, recipientMaskedName: String, phone: String = "",
        addressOptions: [AddressOption], selectedAddressID: String? = nil
    ) {
        self.caseNumber = caseNumber
        self.recipientMaskedName = recipientMaskedName
        self.phone = phone
        self.addressOptions = addressOptions
        self.selectedAddressID = selectedAddressID
    }

    /// The chosen address option, if any.
    package var selectedAddress: AddressOption? {
        addressOptions.first { $0.id == selectedAddressID }
    }
}

/// One address the mail may go to: masked everywhere but on the citizen's own mail summary.
///
/// `description`, `debugDescription` and the mirror show ``maskedText`` only, so string
/// interpolation in a log line or `dump` never shows ``fullText``.
package struct AddressOption: Sendable, Equatable, Identifiable, CustomStringConvertible,
    CustomDebugStringConvertible, CustomReflectable
{
    /// Where the address comes from.
    package enum Source: Sendable, Equatable {
        /// The address on record for the 办件 or the citizen.
        case onRecord
        /// The address read from the ID card.
        case idCard
    }

    /// The app's identifier for this address.
    package var id: String
    /// Where it comes from (decides the button label).
    package var source: Source
    /// The masked address, e.g. `北京市东城区****`.
    package var maskedText: String
    /// The full address, drawn on the mail summary only (never logged, printed or put in a QR).
    package var fullText: String

    /// Creates an option.
    package init(id: String, source: Source, maskedText: String, fullText: String) {
        self.id = id
        self.source = source
        self.maskedText = maskedText
        self.fullText = fullText
    }

    /// The masked view, e.g. `AddressOption(record, onRecord, 北京市东城区****)`.
    package var description: String { "AddressOption(\(id), \(source), \(maskedText))" }

    /// Same as ``description``: debugging output must not leak either.
    package var debugDescription: String { description }

    /// A mirror without ``fullText``.
    package var customMirror: Mirror {
        Mirror(self, children: ["id": id, "source": source, "maskedText": maskedText], displayStyle: .struct)
    }
}

/// A stored mail request as the kiosk shows and prints it.
package struct MailReceipt: Sendable, Equatable {
    /// The request's own number.
    package var requestNumber: String
    /// The 办件编号.
    package var caseNumber: String
    /// The recipient's masked name.
    package var recipientMaskedName: String
    /// The masked mobile number.
    package var maskedPhone: String
    /// The masked address.
    package var maskedAddress: String
    /// The delivery state in words, e.g. `已申请`.
    package var statusText: String

    /// Creates a receipt.
    package init(
        requestNumber: String, caseNumber: String, recipientMaskedName: String, maskedPhone: String,
        maskedAddress: String, statusText: String
    ) {
        self.requestNumber = requestNumber
        self.caseNumber = caseNumber
        self.recipientMaskedName = recipientMaskedName
        self.maskedPhone = maskedPhone
        self.maskedAddress = maskedAddress
        self.statusText = statusText
    }
}

/// What the back end did with a submitted mail request.
package enum MailSubmitOutcome: Sendable, Equatable {
    /// Stored (and queued for delivery upstream).
    case stored(MailReceipt)
    /// Refused: a request for this 办件 already exists; it is shown instead.
    case duplicate(existing: MailReceipt)
    /// Refused: a field is invalid; `message` is citizen-facing Chinese.
    case invalid(field: String, message: String)
    /// The back end could not be reached or failed.
    case failed
}
