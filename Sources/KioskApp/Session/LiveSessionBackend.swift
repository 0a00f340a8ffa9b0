import Foundation
import KioskCore
import KioskDevices
import KioskUI
import Logging

/// The app's side of the UI contract: answers the screens from the local back office, prints through
/// the configured printer, and keeps each session's identity in memory only, in its ``SessionStore``.
///
/// Every value handed to the UI is masked and formatted by its parts (rule R3): ``CaseFileViewModels``,
/// ``SessionReceipts``, ``MailDrafting``, ``RatingRecording``. Ending a session wipes its context and
/// cancels the session's pending print jobs.
actor LiveSessionBackend: SessionBackend {
    /// What the back end needs from the rest of the program.
    struct Dependencies: Sendable {
        var database: AppDatabase
        var backOffice: any BackOffice
        var printer: (any ReceiptPrinter)?
        var deadlines: DeadlineCalculator
        var receiptSite: ReceiptSite
        var terminalId: String
        var regionCode: String
        var consultPhone: String
        var supervisionPhone: String
        var now: @Sendable () -> Date
        var logger: Logger
        /// Called when a confirmed request could not be stored (the health check then probes at once).
        var storageFailed: @Sendable () -> Void = {}
    }

    private let dependencies: Dependencies
    private var store = SessionStore()
    private let viewModels: CaseFileViewModels
    private let receipts: SessionReceipts
    private let mail: MailDrafting
    private let ratings: RatingRecording

    init(_ dependencies: Dependencies) {
        self.dependencies = dependencies
        viewModels = CaseFileViewModels(deadlines: dependencies.deadlines, consultPhone: dependencies.consultPhone)
        receipts = SessionReceipts(dependencies: dependencies)
        mail = MailDrafting(regionCode: dependencies.regionCode, now: dependencies.now)
        ratings = RatingRecording(regionCode: dependencies.regionCode, now: dependencies.now)
    }

    // MARK: Sessions

    /// Opens a session for a card just read; returns its token and the masked summary.
    func open(identity: Identity) -> (SessionToken, CitizenSummary) {
        let token = store.open(identity: identity)
        let summary = CitizenSummary(
            maskedName: identity.maskedName, maskedIdNumber: identity.maskedNumber,
            cardExpired: identity.isExpired(on: DisplayFormat.cardDate(dependencies.now())))
        dependencies.logger.info(
            "session opened", metadata: ["session": "\(token)", "card.kind": "\(identity.kind)"])
        return (token, summary)
    }

    /// The number of open sessions (0 after every session ended: nothing of a citizen is kept).
    var openSessionCount: Int { store.count }

    func endSession(_ session: SessionToken) async {
        guard let printSession = store.end(session) else { return }
        await receipts.cancelPending(printSession)
        dependencies.database.releaseSessionMemory()
        dependencies.logger.info("session ended", metadata: ["session": "\(session)"])
    }

    /// Ends every open session (at shutdown): identities wiped, pending print jobs cancelled.
    func endAllSessions() async {
        let printSessions = store.endAll()
        for printSession in printSessions { await receipts.cancelPending(printSession) }
        if !printSessions.isEmpty { dependencies.database.releaseSessionMemory() }
        if !printSessions.isEmpty {
            dependencies.logger.info("open sessions ended", metadata: ["session.count": "\(printSessions.count)"])
        }
    }

    // MARK: Queries

    func caseFiles(session: SessionToken) async throws -> [CaseFileRow] {
        guard var context = store[session], let identity = context.identity else { throw BackendError.noSession }
        let cases = try await dependencies.backOffice.caseFiles(forIdNumber: identity.number.text)
        let now = dependencies.now()
        var items: [String: ServiceItem] = [:]
        for caseFile in cases {
            context.cases[caseFile.number] = caseFile
            if let code = caseFile.itemCode, items[code] == nil,
                let item = try await dependencies.database.serviceItem(for: caseFile)
            {
                items[code] = item
            }
        }
        // The session may have ended while the back office answered: do not bring it back.
        guard store[session] != nil else { throw BackendError.noSession }
        store[session] = context
        return cases.map { viewModels.row(for: $0, item: $0.itemCode.flatMap { items[$0] }, now: now) }
    }

    func query(number: String, password: String) async throws -> QueryResult? {
        let trimmed = number.trimmingCharacters(in: .whitespaces).uppercased()
        guard let caseFile = try await dependencies.backOffice.application(number: trimmed, queryPassword: password)
        else {
            dependencies.logger.notice("no-card query refused", metadata: ["case.number": "\(trimmed)"])
            return nil
        }
        // The item first: a failure here must not leave a session open that no screen can end.
        let item = try await dependencies.database.serviceItem(for: caseFile)
        let token = store.open(unlocking: caseFile)
        var detail = viewModels.detail(for: caseFile, item: item, now: dependencies.now())
        // Mail goes to the card holder only: a no-card session cannot request it.
        detail.row.canMail = false
        return QueryResult(session: token, detail: detail)
    }

    func detail(number: String, session: SessionToken) async throws -> CaseFileDetail {
        let caseFile = try caseFile(number, session: session)
        let item = try await dependencies.database.serviceItem(for: caseFile)
        var detail = viewModels.detail(for: caseFile, item: item, now: dependencies.now())
        if store[session]?.identity == nil { detail.row.canMail = false }
        // 已交寄 with its waybill, once the gateway's mail status reached the kiosk's replica.
        if let mail = try await dependencies.database.mailRequest(caseNumber: number), mail.status == .posted,
            let waybill = mail.waybillNumber, !waybill.isEmpty
        {
            detail.postedWaybill = waybill
        }
        return detail
    }

    private func caseFile(_ number: String, session: SessionToken) throws -> CaseFile {
        guard let context = store[session] else { throw BackendError.noSession }
        guard let caseFile = context.cases[number] else { throw BackendError.unknownCase }
        return caseFile
    }

    // MARK: Printing

    func printSlip(number: String, session: SessionToken) async -> PrintOutcome {
        guard let caseFile = try? caseFile(number, session: session), let context = store[session] else {
            return .failed
        }
        let outcome = await receipts.printSlip(caseFile, context: context)
        if case .printed = outcome { store[session]?.lastTransactionCase = number }
        return outcome
    }

    func printMailReceipt(_ receipt: MailReceipt, session: SessionToken) async -> PrintOutcome {
        guard let context = store[session], let caseFile = context.cases[receipt.caseNumber],
            let request = try? await dependencies.database.mailRequest(caseNumber: receipt.caseNumber)
        else { return .failed }
        return await receipts.printMailReceipt(request, caseFile: caseFile, context: context)
    }

    // MARK: Mail

    func mailDefaults(number: String, session: SessionToken) async throws -> MailDraft {
        let caseFile = try caseFile(number, session: session)
        let item = try await dependencies.database.serviceItem(for: caseFile)
        guard let identity = store[session]?.identity, caseFile.isMailEligible(item: item) else {
            throw BackendError.notMailEligible
        }
        return mail.defaults(for: caseFile, identity: identity)
    }

    func submitMail(_ draft: MailDraft, session: SessionToken) async -> MailSubmitOutcome {
        guard let context = store[session], let identity = context.identity,
            let caseFile = context.cases[draft.caseNumber],
            caseFile.isMailEligible(item: try? await dependencies.database.serviceItem(for: caseFile))
        else { return .failed }
        do {
            let request = try mail.request(from: draft, caseFile: caseFile, identity: identity)
            let submission = try await dependencies.backOffice.submitMailRequest(request)
            store[session]?.lastTransactionCase = caseFile.number
            switch submission {
            case .created(let stored): return .stored(mail.receipt(stored))
            case .existing(let stored): return .duplicate(existing: mail.receipt(stored))
            }
        } catch let error as MailValidationError {
            return .invalid(field: "\(error.field)", message: error.citizenMessage)
        } catch let error as BackOfficeError {
            // The 办件 left the replica (withdrawn upstream) or lost its eligibility during the
            // session: a refusal, not a storage failure.
            dependencies.logger.notice("mail request refused", metadata: ["mail.error": "\(error)"])
            return .failed
        } catch {
            dependencies.logger.error("mail request not stored", metadata: ["mail.error": "\(error)"])
            dependencies.storageFailed()
            return .failed
        }
    }

    // MARK: Evaluation

    func submitEvaluation(_ draft: EvaluationDraft, session: SessionToken) async -> EvaluationOutcome {
        guard let number = draft.caseNumber ?? store[session]?.lastTransactionCase else { return .failed }
        do {
            _ = try await dependencies.backOffice.submitEvaluation(
                ratings.evaluation(draft, number: number, session: session))
            return .recorded
        } catch let error as EvaluationError {
            // A refusal by the rules, not a storage failure: the citizen is told on the rating screen.
            dependencies.logger.notice("evaluation refused", metadata: ["evaluation.error": "\(error)"])
            return .invalid(field: error.field, message: error.citizenMessage)
        } catch {
            dependencies.logger.error("evaluation not stored", metadata: ["evaluation.error": "\(error)"])
            dependencies.storageFailed()
            return .failed
        }
    }
}
