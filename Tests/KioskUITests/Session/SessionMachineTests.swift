import KioskCore
import KioskUI
import Testing

/// The session state machine without a terminal: events in, screens and effects out.
@Suite struct SessionMachineTests {
    let start = ContinuousClock.now
    let token = SessionToken(7)
    let config = UIConfig(
        idleTimeout: .seconds(60), formIdleTimeout: .seconds(120), countdown: .seconds(15),
        endScreenDuration: .seconds(8))

    func machineWithList() -> SessionMachine {
        var machine = SessionMachine(config: config)
        _ = machine.handle(.tick(now: start))
        _ = machine.handle(.cardInserted(Fixtures.citizen("张晓梅"), session: token))
        _ = machine.handle(
            .response(.caseFiles([Fixtures.row(0), Fixtures.row(1)]), generation: machine.generation))
        return machine
    }

    @Test("a card starts a session and asks for its applications")
    func cardStartsSession() {
        var machine = SessionMachine(config: config)
        let effects = machine.handle(.cardInserted(Fixtures.citizen("李建国"), session: token))
        #expect(machine.screen == .busy(.listLoading))
        #expect(effects == [.request(.caseFiles(token), generation: machine.generation)])
        _ = machine.handle(.response(.caseFiles([]), generation: machine.generation))
        #expect(machine.screen == .caseFiles(page: 0))
        #expect(machine.session?.caseFiles == [])
    }

    @Test("an expired card is refused in words and asks nothing of the back end")
    func expiredCard() {
        var machine = SessionMachine(config: config)
        let effects = machine.handle(.cardInserted(Fixtures.citizen("王秀英", expired: true), session: token))
        #expect(machine.screen == .cardExpired)
        #expect(effects.isEmpty)
        #expect(machine.handle(.cardRemoved) == [.endSession(token), .sessionEnded])
        #expect(machine.screen == .home)
    }

    @Test("card removal mid-flow ends the session and wipes everything derived from the card")
    func removalWipes() {
        var machine = machineWithList()
        machine.openDetail(of: Fixtures.row(1))
        _ = machine.handle(.action(.requestMail))
        let effects = machine.handle(.cardRemoved)
        #expect(effects == [.endSession(token), .sessionEnded])
        #expect(machine.session == nil)
        #expect(machine.screen == .home)
        #expect(!machine.isCountingDown)
    }

    @Test("a reply from an ended session is dropped")
    func staleReplyDropped() {
        var machine = SessionMachine(config: config)
        _ = machine.handle(.cardInserted(Fixtures.citizen("赵磊"), session: token))
        let oldGeneration = machine.generation
        _ = machine.handle(.cardRemoved)
        let effects = machine.handle(.response(.caseFiles([Fixtures.row(0)]), generation: oldGeneration))
        #expect(effects.isEmpty)
        #expect(machine.screen == .home)
        #expect(machine.session == nil)
    }

    @Test("idle timeout shows a countdown; 继续 resumes; no input ends the session")
    func idleTimeout() {
        var machine = machineWithList()
        _ = machine.handle(.tick(now: start + .seconds(59)))
        #expect(!machine.isCountingDown)
        _ = machine.handle(.tick(now: start + .seconds(60)))
        #expect(machine.isCountingDown)
        #expect(machine.countdownSecondsLeft == 15)
        _ = machine.handle(.tick(now: start + .seconds(64.5)))
        #expect(machine.countdownSecondsLeft == 11)
        // Taps on other controls do not dismiss it; 继续 does.
        _ = machine.handle(.action(.showPage(1)))
        #expect(machine.isCountingDown)
        _ = machine.handle(.action(.continueSession))
        #expect(!machine.isCountingDown)
        #expect(machine.screen == .caseFiles(page: 0))
        _ = machine.handle(.tick(now: start + .seconds(124.5)))
        #expect(machine.isCountingDown)
        let effects = machine.handle(.tick(now: start + .seconds(64.5 + 60 + 15)))
        #expect(effects == [.endSession(token), .sessionEnded])
        #expect(machine.session == nil)
        #expect(machine.screen == .end(thanked: false))
        _ = machine.handle(.tick(now: start + .seconds(64.5 + 60 + 15 + 8)))
        #expect(machine.screen == .home)
    }

    @Test("form screens get the longer idle timeout")
    func formTimeout() {
        var machine = SessionMachine(config: config)
        _ = machine.handle(.tick(now: start))
        _ = machine.handle(.action(.startNoCardQuery))
        _ = machine.handle(.tick(now: start + .seconds(90)))
        #expect(!machine.isCountingDown)
        _ = machine.handle(.tick(now: start + .seconds(120)))
        #expect(machine.isCountingDown)
    }

    @Test("activity postpones the countdown")
    func activityResets() {
        var machine = machineWithList()
        _ = machine.handle(.activity(now: start + .seconds(50)))
        _ = machine.handle(.tick(now: start + .seconds(100)))
        #expect(!machine.isCountingDown)
        _ = machine.handle(.tick(now: start + .seconds(110)))
        #expect(machine.isCountingDown)
    }

    @Test("a 差评 needs a reason; the callback phone is optional and sent with it")
    func negativeRatingNeedsReason() {
        var machine = machineWithList()
        machine.completeSlipPrint()
        _ = machine.handle(.action(.finish))
        guard case .rating = machine.screen else {
            Issue.record("expected the rating screen, got \(machine.screen)")
            return
        }
        _ = machine.handle(.action(.rate(.dissatisfied)))
        #expect(machine.handle(.action(.submit)).isEmpty)
        guard case .rating(let form) = machine.screen else { return }
        #expect(form.error == .ratingNeedReason)
        _ = machine.handle(.action(.toggleReason(.slow)))
        // Typing is ignored until the phone step.
        _ = machine.handle(.action(.keypad(.character("9"))))
        #expect(machine.handle(.action(.submit)).isEmpty)
        guard case .rating(let phoneStep) = machine.screen else { return }
        #expect(phoneStep.askingPhone && phoneStep.callbackPhone.text.isEmpty)
        machine.type("13900001111")
        let effects = machine.handle(.action(.submit))
        let expected = EvaluationDraft(
            caseNumber: Fixtures.row(0).number, level: .dissatisfied, reasons: [.slow],
            callbackPhone: "13900001111")
        #expect(effects == [.request(.submitEvaluation(expected, token), generation: machine.generation)])
    }

    @Test("a positive rating is submitted at once, without reasons")
    func positiveRating() {
        var machine = machineWithList()
        machine.completeSlipPrint()
        _ = machine.handle(.action(.end))
        let effects = machine.handle(.action(.rate(.basicallySatisfied)))
        let expected = EvaluationDraft(
            caseNumber: Fixtures.row(0).number, level: .basicallySatisfied, reasons: [], callbackPhone: nil)
        #expect(effects == [.request(.submitEvaluation(expected, token), generation: machine.generation)])
        #expect(
            machine.handle(.response(.submitEvaluation(.recorded), generation: machine.generation))
                == [.endSession(token), .sessionEnded])
        #expect(machine.screen == .end(thanked: true))
    }

    @Test("结束 without a completed transaction ends without asking for a rating")
    func endWithoutTransaction() {
        var machine = machineWithList()
        #expect(machine.handle(.action(.end)) == [.endSession(token), .sessionEnded])
        #expect(machine.screen == .end(thanked: false))
    }

    @Test("mail is offered only for eligible 办件 and needs an 11-digit mobile number")
    func mailEligibilityAndPhone() {
        var machine = machineWithList()
        var row = Fixtures.row(1)
        row.canMail = false
        machine.openDetail(of: row)
        #expect(machine.handle(.action(.requestMail)).isEmpty)
        _ = machine.handle(.action(.back))
        machine.openDetail()
        #expect(machine.handle(.action(.requestMail)).count == 1)
        _ = machine.handle(.response(.mailDefaults(Fixtures.mailDraft()), generation: machine.generation))
        machine.type("2381234")
        _ = machine.handle(.action(.submit))
        guard case .mailPhone(_, _, let error) = machine.screen else {
            Issue.record("expected the phone step, got \(machine.screen)")
            return
        }
        #expect(error == .phoneIncomplete)
    }

    /// The machine on the mail phone step of `Fixtures.row(0)`.
    func machineOnMailPhone() -> SessionMachine {
        var machine = machineWithList()
        machine.openDetail()
        _ = machine.handle(.action(.requestMail))
        _ = machine.handle(.response(.mailDefaults(Fixtures.mailDraft()), generation: machine.generation))
        return machine
    }

    @Test(
        "the mail phone step applies the domain's mobile rule: 1 then 3–9",
        arguments: [
            ("12812345678", StringKey?.some(.phoneNotMobile)), ("10012345678", .phoneNotMobile),
            ("11912345678", .phoneNotMobile), ("1381234567", .phoneIncomplete), ("13812345678", nil),
            ("19912345678", nil),
        ])
    func mailPhoneRule(number: String, problem: StringKey?) {
        var machine = machineOnMailPhone()
        machine.type(number)
        _ = machine.handle(.action(.submit))
        switch machine.screen {
        case .mailPhone(_, _, let error):
            #expect(problem != nil && error == problem, "\(number) refused with \(String(describing: error))")
        case .mailAddress(let draft):
            #expect(problem == nil, "\(number) accepted")
            #expect(draft.phone == number)
        default:
            Issue.record("unexpected screen \(machine.screen)")
        }
    }

    /// The machine on the callback-phone step of a 差评 for `Fixtures.row(0)`.
    func machineOnCallbackPhone() -> SessionMachine {
        var machine = machineWithList()
        machine.completeSlipPrint()
        _ = machine.handle(.action(.finish))
        _ = machine.handle(.action(.rate(.veryDissatisfied)))
        _ = machine.handle(.action(.toggleReason(.device)))
        _ = machine.handle(.action(.submit))
        return machine
    }

    @Test("a callback phone that is not a mobile number is refused on the rating screen, not sent")
    func callbackPhoneRule() {
        var machine = machineOnCallbackPhone()
        machine.type("12812345678")
        #expect(machine.handle(.action(.submit)).isEmpty)
        guard case .rating(let refused) = machine.screen else {
            Issue.record("expected the rating screen, got \(machine.screen)")
            return
        }
        #expect(refused.askingPhone && refused.error == .phoneNotMobile)

        // Part of a number is refused too; typing clears the message.
        _ = machine.handle(.action(.keypad(.clear)))
        machine.type("1390000")
        guard case .rating(let typing) = machine.screen else { return }
        #expect(typing.error == nil)
        #expect(machine.handle(.action(.submit)).isEmpty)
        guard case .rating(let partial) = machine.screen else { return }
        #expect(partial.error == .phoneIncomplete)

        // A mobile number goes through, as does no number at all.
        machine.type("1111")
        let expected = EvaluationDraft(
            caseNumber: Fixtures.row(0).number, level: .veryDissatisfied, reasons: [.device],
            callbackPhone: "13900001111")
        let generation = machine.generation
        #expect(
            machine.handle(.action(.submit)) == [.request(.submitEvaluation(expected, token), generation: generation)])
        var empty = machineOnCallbackPhone()
        let withoutPhone = EvaluationDraft(
            caseNumber: Fixtures.row(0).number, level: .veryDissatisfied, reasons: [.device], callbackPhone: nil)
        let emptyGeneration = empty.generation
        #expect(
            empty.handle(.action(.submit))
                == [.request(.submitEvaluation(withoutPhone, token), generation: emptyGeneration)])
    }

    @Test("a duplicate mail request shows the existing one")
    func duplicateMail() {
        var machine = machineWithList()
        machine.openDetail()
        _ = machine.handle(.action(.requestMail))
        let draft = Fixtures.mailDraft(phone: "13812345678", selectedAddressID: "a")
        _ = machine.handle(.response(.mailDefaults(draft), generation: machine.generation))
        _ = machine.handle(.action(.submit))
        _ = machine.handle(.action(.chooseAddress(id: "a")))
        _ = machine.handle(.action(.submit))
        let existing = MailReceipt(
            requestNumber: "YJ1", caseNumber: draft.caseNumber, recipientMaskedName: "张*梅",
            maskedPhone: "138****5678", maskedAddress: "北京市东城区****", statusText: "已申请")
        _ = machine.handle(.response(.submitMail(.duplicate(existing: existing)), generation: machine.generation))
        #expect(machine.screen == .mailDone(existing, duplicate: true))
        #expect(machine.session?.completed == [])
    }

    @Test("no-card query: number, then password, then a session for the one 办件")
    func noCardQuery() {
        var machine = SessionMachine(config: config)
        _ = machine.handle(.action(.startNoCardQuery))
        machine.type("bj-1")
        _ = machine.handle(.action(.submit))
        machine.type("2468")
        let effects = machine.handle(.action(.submit))
        #expect(effects == [.request(.query(number: "BJ-1", password: "2468"), generation: machine.generation)])
        _ = machine.handle(.response(.query(nil, failed: false), generation: machine.generation))
        guard case .query(let form) = machine.screen else {
            Issue.record("expected the query form, got \(machine.screen)")
            return
        }
        #expect(form.error == .queryNotFound)
        #expect(form.password.text.isEmpty)
    }

    @Test("elder mode, high contrast and language are reset for the next citizen")
    func preferencesReset() {
        var machine = SessionMachine(config: config)
        _ = machine.handle(.action(.toggleElderMode))
        _ = machine.handle(.action(.toggleHighContrast))
        _ = machine.handle(.action(.toggleLanguage))
        #expect(machine.elderMode && machine.highContrast && machine.language == .english)
        _ = machine.handle(.cardInserted(Fixtures.citizen("约翰"), session: token))
        #expect(machine.elderMode && machine.highContrast)
        _ = machine.handle(.cardRemoved)
        #expect(!machine.elderMode && !machine.highContrast && machine.language == .simplifiedChinese)
    }

    @Test("demo buttons emit demo effects only in demo mode")
    func demoEffects() {
        var plain = SessionMachine(config: config)
        #expect(plain.handle(.action(.demoPlaceCard(index: 0))).isEmpty)
        var demo = SessionMachine(config: UIConfig(demoCards: ["张晓梅", "李建国"]))
        #expect(demo.handle(.action(.demoPlaceCard(index: 1))) == [.demoPlaceCard(index: 1)])
        #expect(demo.handle(.action(.demoPlaceCard(index: 2))).isEmpty)
        #expect(demo.handle(.action(.demoRemoveCard)) == [.demoRemoveCard])
    }

    @Test("结束 on a busy screen escapes a stuck back end, and the late reply is dropped")
    func escapeStuckBackend() {
        var machine = SessionMachine(config: config)
        _ = machine.handle(.action(.startNoCardQuery))
        machine.type("A1")
        _ = machine.handle(.action(.submit))
        machine.type("2468")
        _ = machine.handle(.action(.submit))
        #expect(machine.screen == .busy(.queryLoading))
        let generation = machine.generation
        _ = machine.handle(.action(.end))
        #expect(machine.screen == .home)
        let late = QueryResult(session: token, detail: Fixtures.detail(Fixtures.row(0)))
        #expect(machine.handle(.response(.query(late, failed: false), generation: generation)).isEmpty)
        #expect(machine.session == nil)
        #expect(machine.screen == .home)
    }
}
