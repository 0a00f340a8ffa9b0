import KioskUI

/// The steps the session-machine tests take again and again, each answered as the back end would.
extension SessionMachine {
    /// Opens `row` from the list and answers with its detail.
    mutating func openDetail(of row: CaseFileRow = Fixtures.row(0)) {
        _ = handle(.action(.openCaseFile(number: row.number)))
        _ = handle(.response(.detail(Fixtures.detail(row)), generation: generation))
    }

    /// Opens `Fixtures.row(0)` and prints its slip (a completed transaction, so 结束 asks for a rating).
    mutating func completeSlipPrint() {
        openDetail()
        _ = handle(.action(.printSlip))
        _ = handle(.response(.printSlip(.printed), generation: generation))
    }

    /// Types `text` on the on-screen keypad, one character at a time.
    mutating func type(_ text: String) {
        for character in text { _ = handle(.action(.keypad(.character(character)))) }
    }
}

extension Fixtures {
    /// The mail defaults for `Fixtures.row(0)`: one address on record for 张*梅.
    static func mailDraft(phone: String = "", selectedAddressID: String? = nil) -> MailDraft {
        MailDraft(
            caseNumber: row(0).number, recipientMaskedName: "张*梅", phone: phone,
            addressOptions: [
                AddressOption(id: "a", source: .onRecord, maskedText: "北京市东城区****", fullText: "北京市东城区东四北大街1号")
            ],
            selectedAddressID: selectedAddressID)
    }
}
