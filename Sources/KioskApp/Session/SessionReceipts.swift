import Foundation
import KioskCore
import KioskDevices
import KioskUI
import Logging

/// Prints a session's receipts (rule R15), or says why not: no usable printer → the slip's QR code for
/// the screen; a failed job → failed. Every attempt is audited by 办件编号 only.
struct SessionReceipts {
    /// The back end's parts this uses: database, printer, deadlines, receipt site, phones, clock, log.
    let dependencies: LiveSessionBackend.Dependencies

    /// Prints the 办件 status slip for the session of `context`.
    func printSlip(_ caseFile: CaseFile, context: SessionContext) async -> PrintOutcome {
        let now = dependencies.now()
        let item = try? await dependencies.database.serviceItem(for: caseFile)
        let input = CaseFileSlipInput(
            itemName: caseFile.itemName, caseNumber: caseFile.number,
            acceptedAt: caseFile.acceptedAt.map(DisplayFormat.dayAndTime) ?? "",
            status: caseFile.citizenState().chineseName, promisedDate: promisedDate(caseFile, now: now),
            department: caseFile.department,
            consultPhone: caseFile.consultPhone(item: item, fallback: dependencies.consultPhone),
            supervisionPhone: caseFile.supervisionPhone(item: item, fallback: dependencies.supervisionPhone),
            applicantName: context.holderName(for: caseFile), applicantIDNumber: context.holderIdNumber(for: caseFile))
        let receipt = ReceiptTemplates.caseFileSlip(
            input, site: dependencies.receiptSite, printedAt: DisplayFormat.receiptTime(now), now: unixTime(now))
        return await print(receipt, number: caseFile.number, context: context, event: "receipt.slip")
    }

    /// Prints the receipt of the stored mail `request` for `caseFile`.
    func printMailReceipt(_ request: MailRequest, caseFile: CaseFile, context: SessionContext) async
        -> PrintOutcome
    {
        let now = dependencies.now()
        let item = try? await dependencies.database.serviceItem(for: caseFile)
        let input = MailRequestReceiptInput(
            itemName: caseFile.itemName, caseNumber: caseFile.number,
            certificateName: request.certificateName, requestedAt: DisplayFormat.dayAndTime(request.requestedAt),
            status: request.status.chineseName, promisedDate: promisedDate(caseFile, now: now),
            department: caseFile.department,
            consultPhone: caseFile.consultPhone(item: item, fallback: dependencies.consultPhone),
            supervisionPhone: caseFile.supervisionPhone(item: item, fallback: dependencies.supervisionPhone),
            recipientName: request.recipientName ?? "", recipientPhone: request.phone ?? "",
            recipientAddress: request.address ?? "", postcode: request.postcode)
        let document = ReceiptTemplates.mailRequest(
            input, site: dependencies.receiptSite, printedAt: DisplayFormat.receiptTime(now), now: unixTime(now))
        return await print(document, number: caseFile.number, context: context, event: "receipt.mail")
    }

    /// Cancels the session's pending print jobs.
    func cancelPending(_ printSession: PrintSessionID) async {
        await dependencies.printer?.cancelPending(session: printSession)
    }

    private func promisedDate(_ caseFile: CaseFile, now: Date) -> String {
        guard let deadline = caseFile.deadline(calculator: dependencies.deadlines, now: now) else { return "" }
        return ReceiptTemplates.promisedDate(DisplayFormat.day(deadline.dueDay), isEstimated: deadline.isEstimated)
    }

    private func print(_ receipt: Receipt, number: String, context: SessionContext, event: String) async
        -> PrintOutcome
    {
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
    private func unavailable(_ number: String) -> PrintOutcome {
        let url = dependencies.receiptSite.qrLink.url(for: number, now: unixTime(dependencies.now()))
        // Error correction L on screen: a lit screen is not scuffed paper, and L keeps the default link
        // within version 4, which fits at 80×24 (the printed slip keeps M).
        guard let matrix = try? QREncoder.encode(url, errorCorrection: .low) else { return .failed }
        return .unavailable(qr: matrix)
    }

    private func audit(_ event: String, outcome: String, subject: String) async {
        _ = try? await dependencies.database.recordAudit(
            AuditEvent(
                time: dependencies.now(), terminalId: dependencies.terminalId, event: event, outcome: outcome,
                subject: subject))
    }

    private func unixTime(_ date: Date) -> UnixTime { UnixTime(seconds: Int64(date.timeIntervalSince1970)) }
}
