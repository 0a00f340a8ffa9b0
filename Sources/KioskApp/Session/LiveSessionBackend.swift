import Foundation
import KioskCore
import KioskDevices
import KioskUI
import Logging

/// The app's side of the UI contract: answers the screens from the local back office, prints through
/// the configured printer, and keeps each session's identity in memory only, keyed by an opaque token.
///
/// Every value handed to the UI is masked and formatted here (rule R3). Ending a session zeroes the
/// card photo, drops every identity-derived value and cancels the session's pending print jobs.
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
    private var sessions: [SessionToken: SessionContext] = [:]
    private var nextToken = UInt64.random(in: 1...UInt64(UInt32.max))

    init(_ dependencies: Dependencies) {
        self.dependencies = dependencies
    }

    // MARK: Sessions

    /// Opens a session for a card just read; returns its token and the masked summary.
    func open(identity: Identity) -> (SessionToken, CitizenSummary) {
        let token = mintToken()
        let today = DisplayFormat.cardDate(dependencies.now())
        sessions[token] = SessionContext(identity: identity, cases: [:], printSession: PrintSessionID("\(token)"))
        let summary = CitizenSummary(
            maskedName: identity.maskedName, maskedIdNumber: identity.maskedNumber,
            cardExpired: identity.isExpired(on: today))
        dependencies.logger.info(
            "session opened", metadata: ["session": "\(token)", "card.kind": "\(identity.kind)"])
        return (token, summary)
    }

    /// The number of open sessions (0 after every session ended: nothing of a citizen is kept).
    var openSessionCount: Int { sessions.count }

    func endSession(_ session: SessionToken) async {
        guard var context = sessions.removeValue(forKey: session) else { return }
        let printSession = context.printSession
        context.wipe()
        await dependencies.printer?.cancelPending(session: printSession)
        dependencies.logger.info("session ended", metadata: ["session": "\(session)"])
    }

    private func mintToken() -> SessionToken {
        nextToken &+= 1
        return SessionToken(nextToken)
    }

    // MARK: Queries

    func applications(session: SessionToken) async throws -> [ApplicationRow] {
        guard var context = sessions[session], let identity = context.identity else { throw BackendError.noSession }
        let cases = try await dependencies.backOffice.applications(forIdNumber: identity.number.text)
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
        sessions[session] = context
        return cases.map { row(for: $0, item: $0.itemCode.flatMap { items[$0] }, now: now) }
    }

    func query(number: String, password: String) async throws -> QueryResult? {
        let trimmed = number.trimmingCharacters(in: .whitespaces).uppercased()
        guard let caseFile = try await dependencies.backOffice.application(number: trimmed, queryPassword: password)
        else {
            dependencies.logger.notice("no-card query refused", metadata: ["case.number": "\(trimmed)"])
            return nil
        }
        let token = mintToken()
        var context = SessionContext(identity: nil, cases: [:], printSession: PrintSessionID("\(token)"))
        context.cases[caseFile.number] = caseFile
        sessions[token] = context
        var detail = try await detail(for: caseFile, now: dependencies.now())
        // Mail goes to the card holder only: a no-card session cannot request it.
        detail.row.canMail = false
        return QueryResult(session: token, detail: detail)
    }

    func detail(number: String, session: SessionToken) async throws -> ApplicationDetail {
        let caseFile = try caseFile(number, session: session)
        var detail = try await detail(for: caseFile, now: dependencies.now())
        if sessions[session]?.identity == nil { detail.row.canMail = false }
        return detail
    }

    private func caseFile(_ number: String, session: SessionToken) throws -> CaseFile {
        guard let context = sessions[session] else { throw BackendError.noSession }
        guard let caseFile = context.cases[number] else { throw BackendError.unknownCase }
        return caseFile
    }

    // MARK: Printing

    func printSlip(number: String, session: SessionToken) async -> KioskUI.PrintOutcome {
        guard let caseFile = try? caseFile(number, session: session), let context = sessions[session] else {
            return .failed
        }
        let now = dependencies.now()
        let deadline = caseFile.deadline(calculator: dependencies.deadlines, now: now)
        let item = try? await dependencies.database.serviceItem(for: caseFile)
        let input = ApplicationSlipInput(
            itemName: caseFile.itemName, applicationNumber: caseFile.number,
            acceptedAt: caseFile.acceptedAt.map(DisplayFormat.dayAndTime) ?? "",
            status: caseFile.citizenState().chineseName,
            promisedDate: deadline.map { promisedText($0) } ?? "",
            department: caseFile.department,
            consultPhone: caseFile.consultPhone(item: item, fallback: dependencies.consultPhone),
            supervisionPhone: caseFile.supervisionPhone(item: item, fallback: dependencies.supervisionPhone),
            applicantName: context.holderName(for: caseFile), applicantIDNumber: context.holderIdNumber(for: caseFile))
        let receipt = ReceiptTemplates.applicationSlip(
            input, site: dependencies.receiptSite, printedAt: DisplayFormat.receiptTime(now), now: unixTime(now))
        let outcome = await print(receipt, number: number, session: session, event: "receipt.slip")
        if case .printed = outcome { sessions[session]?.lastTransactionCase = number }
        return outcome
    }

    func printMailReceipt(_ receipt: MailReceipt, session: SessionToken) async -> KioskUI.PrintOutcome {
        guard let context = sessions[session], let caseFile = context.cases[receipt.applicationNumber],
            let request = try? await dependencies.database.mailRequest(caseNumber: receipt.applicationNumber)
        else { return .failed }
        let now = dependencies.now()
        let deadline = caseFile.deadline(calculator: dependencies.deadlines, now: now)
        let item = try? await dependencies.database.serviceItem(for: caseFile)
        let input = MailRequestReceiptInput(
            itemName: caseFile.itemName, applicationNumber: caseFile.number,
            certificateName: request.certificateName, requestedAt: DisplayFormat.dayAndTime(request.requestedAt),
            status: request.status.chineseName, promisedDate: deadline.map { promisedText($0) } ?? "",
            department: caseFile.department,
            consultPhone: caseFile.consultPhone(item: item, fallback: dependencies.consultPhone),
            supervisionPhone: caseFile.supervisionPhone(item: item, fallback: dependencies.supervisionPhone),
            recipientName: request.recipientName ?? "", recipientPhone: request.phone ?? "",
            recipientAddress: request.address ?? "", postcode: request.postcode)
        let document = ReceiptTemplates.mailRequest(
            input, site: dependencies.receiptSite, printedAt: DisplayFormat.receiptTime(now), now: unixTime(now))
        return await print(document, number: caseFile.number, session: session, event: "receipt.mail")
    }

    /// Prints, or says why not: no usable printer → the QR code for the screen; a failed job → failed.
    private func print(_ receipt: Receipt, number: String, session: SessionToken, event: String) async
        -> KioskUI.PrintOutcome
    {
        guard let context = sessions[session] else { return .failed }
        guard let printer = dependencies.printer else { return unavailable(number) }
        let status = await printer.status()
        guard status.canPrint else {
            dependencies.logger.warning("printer unavailable", metadata: ["printer.status": "\(status)"])
            await audit(event, outcome: "unavailable", subject: number)
            return unavailable(number)
        }
        do {
            let outcome = try await printer.print(receipt, session: context.printSession)
            for warning in outcome.warnings {
                dependencies.logger.warning("receipt text replaced", metadata: ["printer.warning": "\(warning)"])
            }
            await audit(event, outcome: "success", subject: number)
            return .printed
        } catch {
            dependencies.logger.error("print failed", metadata: ["printer.error": "\(error)"])
            await audit(event, outcome: "failure", subject: number)
            return error.isPaperOut ? unavailable(number) : .failed
        }
    }

    /// The slip's QR code for the screen when paper cannot come out.
    private func unavailable(_ number: String) -> KioskUI.PrintOutcome {
        let url = dependencies.receiptSite.qrLink.url(for: number, now: unixTime(dependencies.now()))
        // Error correction L on screen: a lit screen is not scuffed paper, and L keeps the default link
        // within version 4, which fits at 80×24 (the printed slip keeps M).
        guard let matrix = try? QREncoder.encode(url, errorCorrection: .low) else { return .failed }
        return .unavailable(qr: QRCodeImage(size: matrix.width, modules: matrix.modules))
    }

    // MARK: Mail

    func mailDefaults(number: String, session: SessionToken) async throws -> MailDraft {
        let caseFile = try caseFile(number, session: session)
        let item = try await dependencies.database.serviceItem(for: caseFile)
        guard let identity = sessions[session]?.identity, caseFile.isMailEligible(item: item) else {
            throw BackendError.notMailEligible
        }
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
            applicationNumber: number, recipientMaskedName: identity.maskedName, addressOptions: options,
            selectedAddressID: options.first?.id)
    }

    func submitMail(_ draft: MailDraft, session: SessionToken) async -> MailSubmitOutcome {
        guard let context = sessions[session], let identity = context.identity,
            let caseFile = context.cases[draft.applicationNumber],
            caseFile.isMailEligible(item: try? await dependencies.database.serviceItem(for: caseFile))
        else { return .failed }
        let address: String?
        switch draft.selectedAddress?.source {
        case .onRecord: address = caseFile.addressOnRecord
        case .idCard: address = identity.address
        case nil: address = nil
        }
        guard let address, !address.isEmpty else {
            return .invalid(field: "address", message: "请选择邮寄地址")
        }
        // The county code: the ID number's address code when it is a mainland resident's,
        // otherwise the kiosk's own county.
        let prefix = String(identity.number.text.prefix(6))
        let regionCode = MailFieldRules.isRegionCode(prefix) && !prefix.hasPrefix("9") && !prefix.hasPrefix("8")
            ? prefix : dependencies.regionCode
        let request = MailRequest(
            caseNumber: caseFile.number, idempotencyKey: "mail-\(caseFile.number)",
            recipientName: identity.name, phone: draft.phone, regionCode: regionCode, address: address,
            postcode: "", certificateName: caseFile.certificateName ?? caseFile.itemName,
            requestedAt: dependencies.now())
        do {
            let submission = try await dependencies.backOffice.submitMailRequest(request)
            sessions[session]?.lastTransactionCase = caseFile.number
            switch submission {
            case .created(let stored): return .stored(mailReceipt(stored))
            case .existing(let stored): return .duplicate(existing: mailReceipt(stored))
            }
        } catch let error as MailValidationError {
            return .invalid(field: "\(error.field)", message: error.citizenMessage)
        } catch {
            dependencies.logger.error("mail request not stored", metadata: ["mail.error": "\(error)"])
            dependencies.storageFailed()
            return .failed
        }
    }

    private func mailReceipt(_ request: MailRequest) -> MailReceipt {
        MailReceipt(
            requestNumber: request.id.map { "YJ" + $0.zeroPadded(8) } ?? request.idempotencyKey,
            applicationNumber: request.caseNumber,
            recipientMaskedName: request.recipientName.map(Masking.name) ?? "",
            maskedPhone: request.phone.map(Masking.phone) ?? "", maskedAddress: request.maskedAddress,
            statusText: request.status.chineseName)
    }

    // MARK: Evaluation

    func submitEvaluation(_ draft: EvaluationDraft, session: SessionToken) async -> EvaluationOutcome {
        guard let number = draft.applicationNumber ?? sessions[session]?.lastTransactionCase else { return .failed }
        let evaluation = Evaluation(
            caseNumber: number, level: Self.coreLevel(draft.level), reasons: draft.reasons.map { "\($0)" },
            callbackPhone: draft.callbackPhone?.nonEmpty, ratedAt: dependencies.now(),
            regionCode: dependencies.regionCode, idempotencyKey: "rating-\(number)-\(session.rawValue)")
        do {
            _ = try await dependencies.backOffice.submitEvaluation(evaluation)
            return .recorded
        } catch {
            dependencies.logger.error("evaluation not stored", metadata: ["evaluation.error": "\(error)"])
            dependencies.storageFailed()
            return .failed
        }
    }

    private static func coreLevel(_ level: KioskUI.SatisfactionLevel) -> KioskCore.SatisfactionLevel {
        switch level {
        case .verySatisfied: .verySatisfied
        case .satisfied: .satisfied
        case .basicallySatisfied: .basicallySatisfied
        case .dissatisfied: .dissatisfied
        case .veryDissatisfied: .veryDissatisfied
        }
    }

    // MARK: View models

    /// The list row; `item` is the 办件's service item (it may withdraw 免费邮寄).
    private func row(for caseFile: CaseFile, item: ServiceItem?, now: Date) -> ApplicationRow {
        let state = caseFile.citizenState()
        // Withdrawn matters and administrative corrections have no deadline to show (R9).
        let deadline = state == .withdrawn || state == .askAtWindow
            ? nil : caseFile.deadline(calculator: dependencies.deadlines, now: now)
        let status = caseFile.deadlineStatus(calculator: dependencies.deadlines, now: now)
        return ApplicationRow(
            number: caseFile.number, itemName: caseFile.itemName, statusText: state.chineseName,
            promisedDateText: deadline.map { promisedText($0) } ?? "",
            isOverdue: status?.isLate ?? false, isDueSoon: status == .dueSoon,
            isEstimated: deadline?.isEstimated ?? false, canMail: caseFile.isMailEligible(item: item))
    }

    /// The detail screen's view model; the phone is the 办件's, else its service item's, else the site's.
    private func detail(for caseFile: CaseFile, now: Date) async throws -> ApplicationDetail {
        let item = try await dependencies.database.serviceItem(for: caseFile)
        let steps = caseFile.steps.enumerated().map { index, step in
            TimelineStep(
                title: step.name, timeText: DisplayFormat.dayAndTime(step.end ?? step.start),
                state: step.end != nil || index < caseFile.steps.count - 1 ? .done : .current)
        }
        return ApplicationDetail(
            row: row(for: caseFile, item: item, now: now),
            acceptedText: caseFile.acceptedAt.map(DisplayFormat.dayAndTime) ?? "",
            department: caseFile.department,
            phone: caseFile.consultPhone(item: item, fallback: dependencies.consultPhone), steps: steps)
    }

    private func promisedText(_ deadline: Deadline) -> String {
        DisplayFormat.day(deadline.dueDay) + (deadline.isEstimated ? "（预计）" : "")
    }

    private func unixTime(_ date: Date) -> UnixTime { UnixTime(seconds: Int64(date.timeIntervalSince1970)) }

    private func audit(_ event: String, outcome: String, subject: String) async {
        _ = try? await dependencies.database.recordAudit(AuditEvent(
            time: dependencies.now(), terminalId: dependencies.terminalId, event: event, outcome: outcome,
            subject: subject))
    }
}

/// Why a back-end call could not be answered (the screen shows a generic failure).
struct BackendError: Error, CustomStringConvertible {
    private enum Kind { case noSession, unknownCase, notMailEligible }
    private let kind: Kind

    static let noSession = BackendError(kind: .noSession)
    static let unknownCase = BackendError(kind: .unknownCase)
    static let notMailEligible = BackendError(kind: .notMailEligible)

    var description: String {
        switch kind {
        case .noSession: "no such session (it ended)"
        case .unknownCase: "the 办件 is not part of this session"
        case .notMailEligible: "the 办件 is not eligible for mail delivery"
        }
    }
}
