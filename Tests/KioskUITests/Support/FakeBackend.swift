import KioskTerminal
import KioskUI

/// A scripted back end that records every call. Unscripted answers are explicit defaults below.
actor FakeBackend: SessionBackend {
    var rows: [CaseFileRow] = (0..<5).map { Fixtures.row($0, overdue: $0 == 1, dueSoon: $0 == 3) }
    var printOutcome: PrintOutcome = .printed
    var existingMail: MailReceipt?
    var queryAnswer: QueryResult?
    var failCaseFiles = false
    private(set) var calls: [String] = []
    private(set) var ended: [SessionToken] = []
    private(set) var evaluations: [EvaluationDraft] = []
    private(set) var mails: [MailDraft] = []

    func set(rows: [CaseFileRow]) { self.rows = rows }
    func set(printOutcome: PrintOutcome) { self.printOutcome = printOutcome }
    func set(queryAnswer: QueryResult?) { self.queryAnswer = queryAnswer }

    func caseFiles(session: SessionToken) async throws -> [CaseFileRow] {
        calls.append("applications")
        if failCaseFiles { throw FakeError() }
        return rows
    }

    func query(number: String, password: String) async throws -> QueryResult? {
        calls.append("query \(number)")
        return password == "2468" ? queryAnswer : nil
    }

    func detail(number: String, session: SessionToken) async throws -> CaseFileDetail {
        calls.append("detail \(number)")
        guard let row = rows.first(where: { $0.number == number }) else { throw FakeError() }
        return Fixtures.detail(row)
    }

    func printSlip(number: String, session: SessionToken) async -> PrintOutcome {
        calls.append("printSlip \(number)")
        return printOutcome
    }

    func mailDefaults(number: String, session: SessionToken) async throws -> MailDraft {
        calls.append("mailDefaults \(number)")
        return MailDraft(
            caseNumber: number, recipientMaskedName: "张*梅",
            addressOptions: [
                AddressOption(
                    id: "record", source: .onRecord, maskedText: "北京市东城区****", fullText: "北京市东城区东四北大街1号"),
                AddressOption(
                    id: "card", source: .idCard, maskedText: "北京市西城区****", fullText: "北京市西城区西单北大街2号"),
            ])
    }

    func submitMail(_ draft: MailDraft, session: SessionToken) async -> MailSubmitOutcome {
        calls.append("submitMail \(draft.caseNumber)")
        if let existingMail, existingMail.caseNumber == draft.caseNumber {
            return .duplicate(existing: existingMail)
        }
        mails.append(draft)
        let receipt = MailReceipt(
            requestNumber: "YJ2026112200001", caseNumber: draft.caseNumber,
            recipientMaskedName: draft.recipientMaskedName, maskedPhone: "138****5678",
            maskedAddress: draft.selectedAddress?.maskedText ?? "", statusText: "已申请")
        existingMail = receipt
        return .stored(receipt)
    }

    func printMailReceipt(_ receipt: MailReceipt, session: SessionToken) async -> PrintOutcome {
        calls.append("printMailReceipt \(receipt.requestNumber)")
        return printOutcome
    }

    func submitEvaluation(_ evaluation: EvaluationDraft, session: SessionToken) async -> EvaluationOutcome {
        calls.append("submitEvaluation")
        evaluations.append(evaluation)
        return .recorded
    }

    func endSession(_ session: SessionToken) async {
        calls.append("endSession")
        ended.append(session)
    }
}

struct FakeError: Error {}
