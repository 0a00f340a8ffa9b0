import KioskCore
import KioskTerminal

/// Draws the machine's current screen (and the idle countdown over it) into a painter.
package enum ScreenRenderer {
    /// Draws one frame.
    package static func draw(_ input: ScreenInput, into painter: inout ScreenPainter) {
        let machine = input.machine
        guard LayoutMetrics.fits(painter.bounds.size) else {
            // Below the smallest grid the layouts overlap their controls: say so plainly instead.
            TooSmallScreen.draw(into: &painter)
            return
        }
        switch machine.screen {
        case .home: HomeScreen.draw(input, into: &painter)
        case .reading: ReadingScreen.draw(input, into: &painter)
        case .cardExpired: CardErrorScreen.draw(expired: true, input, into: &painter)
        case .cardReadFailed: CardErrorScreen.draw(expired: false, input, into: &painter)
        case .busy(let message): BusyScreen.draw(message: message, input, into: &painter)
        case .failure(let message): FailureScreen.draw(message: message, input, into: &painter)
        case .caseFiles(let page): CaseFilesScreen.draw(page: page, input, into: &painter)
        case .detail(let detail): DetailScreen.draw(detail, input, into: &painter)
        case .printResult(let outcome, let context): PrintResultScreen.draw(outcome, context, input, into: &painter)
        case .mailPhone(let draft, let entry, let error):
            MailPhoneScreen.draw(draft: draft, entry: entry, error: error, input, into: &painter)
        case .mailAddress(let draft): MailAddressScreen.draw(draft: draft, input, into: &painter)
        case .mailSummary(let draft, let error):
            MailSummaryScreen.draw(draft: draft, error: error, input, into: &painter)
        case .mailDone(let receipt, let duplicate):
            MailDoneScreen.draw(receipt: receipt, duplicate: duplicate, input, into: &painter)
        case .rating(let form): RatingScreen.draw(form: form, input, into: &painter)
        case .end(let thanked): EndScreen.draw(thanked: thanked, input, into: &painter)
        case .query(let form): QueryScreen.draw(form: form, input, into: &painter)
        }
        if let seconds = machine.countdownSecondsLeft {
            painter.countdownDialog(secondsLeft: seconds)
        }
    }
}

extension Screen {
    /// Whether typed characters go into a text field on this screen (then digits type rather than
    /// pressing numbered buttons).
    package var acceptsTextEntry: Bool {
        switch self {
        case .mailPhone, .query: true
        case .rating(let form): form.level?.isNegative == true && form.askingPhone
        default: false
        }
    }
}
