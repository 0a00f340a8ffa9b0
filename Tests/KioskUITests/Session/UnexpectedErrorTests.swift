import KioskUI
import Testing

/// An unexpected back-end failure ends the session cleanly: the back end is told (it wipes the
/// identity and cancels print jobs), the citizen reads a plain message, and home returns by itself.
@Suite struct UnexpectedErrorTests {
    let start = ContinuousClock.now
    let token = SessionToken(9)
    let config = UIConfig(idleTimeout: .seconds(60), errorScreenDuration: .seconds(20))

    @Test(arguments: ["applications", "detail"])
    func failedCallEndsTheSessionAndReturnsHome(failing call: String) {
        var machine = SessionMachine(config: config)
        _ = machine.handle(.tick(now: start))
        _ = machine.handle(.cardInserted(Fixtures.citizen("李建国"), session: token))
        var effects: [SessionEffect]
        if call == "applications" {
            effects = machine.handle(.response(.caseFiles(nil), generation: machine.generation))
        } else {
            _ = machine.handle(.response(.caseFiles([Fixtures.row(0)]), generation: machine.generation))
            _ = machine.handle(.action(.openCaseFile(number: Fixtures.row(0).number)))
            effects = machine.handle(.response(.detail(nil), generation: machine.generation))
        }
        #expect(effects == [.endSession(token), .sessionEnded])
        #expect(machine.session == nil)
        #expect(machine.screen == .failure(.commonError))
        _ = machine.handle(.tick(now: start + .seconds(19)))
        #expect(machine.screen == .failure(.commonError))
        _ = machine.handle(.tick(now: start + .seconds(21)))
        #expect(machine.screen == .home)
    }

    @Test func backOnTheErrorScreenGoesHome() {
        var machine = SessionMachine(config: config)
        _ = machine.handle(.tick(now: start))
        _ = machine.handle(.cardInserted(Fixtures.citizen("赵磊"), session: token))
        _ = machine.handle(.response(.caseFiles(nil), generation: machine.generation))
        #expect(machine.handle(.action(.back)) == [])
        #expect(machine.screen == .home)
    }
}
