import KioskCore
import KioskTerminal
import KioskUI
import Testing

/// A rating the back end refuses by the rules brings the citizen back to the step of the field at
/// fault, with the reason on screen; the session goes on (nothing is thanked, nothing ends).
@Suite struct RatingRefusalTests {
    let token = SessionToken(7)

    /// A machine on the phone step of a 差评 with a phone typed, after submitting it.
    func submittedNegativeRating() -> SessionMachine {
        var machine = SessionMachine(config: UIConfig())
        _ = machine.handle(.tick(now: .now))
        _ = machine.handle(.cardInserted(Fixtures.citizen("张晓梅"), session: token))
        _ = machine.handle(.response(.caseFiles([Fixtures.row(0)]), generation: machine.generation))
        machine.completeSlipPrint()
        _ = machine.handle(.action(.finish))
        _ = machine.handle(.action(.rate(.dissatisfied)))
        _ = machine.handle(.action(.toggleReason(.slow)))
        _ = machine.handle(.action(.submit))
        machine.type("13900001111")
        _ = machine.handle(.action(.submit))
        return machine
    }

    func text(_ machine: SessionMachine) -> String {
        var painter = Render.painter(size: Size(width: 100, height: 30))
        ScreenRenderer.draw(ScreenInput(machine: machine, config: machine.config, step: 0), into: &painter)
        return painter.canvas.buffer.text
    }

    @Test("a refused callback phone: back on the phone step, the phone kept, the message shown")
    func refusedPhone() throws {
        var machine = submittedNegativeRating()
        #expect(machine.screen == .busy(.ratingSubmitting))
        let effects = machine.handle(
            .response(
                .submitEvaluation(.invalid(field: "callbackPhone", message: "请输入11位手机号码(以1开头)")),
                generation: machine.generation))
        #expect(effects.isEmpty, "the session goes on")
        guard case .rating(let form) = machine.screen else {
            Issue.record("expected the rating screen, got \(machine.screen)")
            return
        }
        #expect(form.askingPhone && form.callbackPhone.text == "13900001111" && form.reasons == [.slow])
        #expect(text(machine).contains("请输入11位手机号码(以1开头)"), "\(text(machine))")
        #expect(machine.session?.rated == false)
    }

    @Test("a refusal of the rating as a whole is shown on the step it was sent from")
    func refusedRating() throws {
        var machine = submittedNegativeRating()
        _ = machine.handle(
            .response(
                .submitEvaluation(.invalid(field: "reasons", message: "请选择或填写不满意的原因")),
                generation: machine.generation))
        guard case .rating(let form) = machine.screen else {
            Issue.record("expected the rating screen, got \(machine.screen)")
            return
        }
        #expect(!form.askingPhone)
        #expect(text(machine).contains("请选择或填写不满意的原因"), "\(text(machine))")
    }
}
