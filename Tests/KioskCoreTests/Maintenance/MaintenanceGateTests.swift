import Foundation
import KioskTestSupport
import Testing

@testable import KioskCore

@Suite struct MaintenanceGateTests {
    static let pin = "135790"
    static let pinHash = PinHash(hashing: pin, iterations: 1_000)
    static let sequence = ["tap:top-left", "tap:top-right", "tap:top-left", "key:F9"]

    func makeGate(clock: TestClock) -> MaintenanceGate<TestClock> {
        MaintenanceGate(
            configuration: MaintenanceGateConfiguration(
                sequence: Self.sequence, pinHash: Self.pinHash, sequenceStepTimeout: .seconds(3),
                pinEntryTimeout: .seconds(30), inactivityTimeout: .seconds(120), maximumFailures: 5,
                lockoutDuration: .seconds(300)),
            clock: clock)
    }

    /// Presses `tokens` in order.
    func press(_ tokens: String..., on gate: inout MaintenanceGate<TestClock>) {
        for token in tokens { _ = gate.press(token) }
    }

    func enterSequence(_ gate: inout MaintenanceGate<TestClock>) {
        for token in Self.sequence { _ = gate.press(token) }
    }

    /// The sequence, then the right PIN: maintenance mode is open.
    func enterMaintenance(_ gate: inout MaintenanceGate<TestClock>) {
        enterSequence(&gate)
        _ = gate.submitPIN(Self.pin)
    }

    @Test func sequenceThenRightPINEntersMaintenance() {
        let clock = TestClock()
        var gate = makeGate(clock: clock)
        _ = gate.press("tap:top-left")
        #expect(gate.state == .idle(progress: 1))
        press("tap:top-right", "tap:top-left", on: &gate)
        #expect(gate.state == .idle(progress: 3))
        _ = gate.press("key:F9")
        #expect(gate.state == .awaitingPIN)
        let audit = gate.submitPIN(Self.pin)
        #expect(gate.isActive)
        #expect(audit == [MaintenanceAuditEntry(event: "admin.login", outcome: "success")])
    }

    @Test func wrongStepRestartsTheSequence() {
        let clock = TestClock()
        var gate = makeGate(clock: clock)
        press("tap:top-left", "tap:top-right", "key:1", on: &gate)
        #expect(gate.state == .idle(progress: 0))
        // A wrong step that is the first step starts a new attempt.
        press("tap:top-left", "tap:top-left", on: &gate)
        #expect(gate.state == .idle(progress: 1))
        press("tap:top-right", "tap:top-left", "key:F9", on: &gate)
        #expect(gate.state == .awaitingPIN)
    }

    @Test func slowSequenceStartsOver() {
        let clock = TestClock()
        var gate = makeGate(clock: clock)
        press("tap:top-left", "tap:top-right", on: &gate)
        clock.advance(by: .seconds(3))
        _ = gate.press("tap:top-left")
        // The pause expired the half-entered sequence; this press counts as a new first step.
        #expect(gate.state == .idle(progress: 1))
    }

    @Test func pinOutsideThePromptIsIgnoredAndNotAudited() {
        let clock = TestClock()
        var gate = makeGate(clock: clock)
        #expect(gate.submitPIN(Self.pin).isEmpty)
        #expect(!gate.isActive)
        #expect(gate.failures == 0)
    }

    @Test func fiveWrongPINsLockForFiveMinutes() {
        let clock = TestClock()
        var gate = makeGate(clock: clock)
        enterSequence(&gate)
        var audit: [MaintenanceAuditEntry] = []
        for _ in 1...4 {
            audit += gate.submitPIN("000000")
            #expect(gate.state == .awaitingPIN)
        }
        audit += gate.submitPIN("111111")
        #expect(gate.state == .lockedOut)
        #expect(audit.filter { $0.event == "admin.login" && $0.outcome == "failure" }.count == 5)
        #expect(
            audit.last
                == MaintenanceAuditEntry(
                    event: "admin.lockout", outcome: "failure", detail: "failures=5 lockedForSeconds=300"))
        #expect(audit[0].detail == "attempt=1/5")

        // Locked: the sequence and even the right PIN do nothing.
        enterSequence(&gate)
        #expect(gate.submitPIN(Self.pin).isEmpty)
        #expect(gate.state == .lockedOut)

        clock.advance(by: .seconds(299))
        _ = gate.expire()
        #expect(gate.state == .lockedOut)
        clock.advance(by: .seconds(1))
        enterSequence(&gate)
        #expect(gate.state == .awaitingPIN)
        #expect(gate.failures == 0)
        #expect(gate.submitPIN(Self.pin) == [MaintenanceAuditEntry(event: "admin.login", outcome: "success")])
    }

    @Test func successResetsTheFailureCount() {
        let clock = TestClock()
        var gate = makeGate(clock: clock)
        enterSequence(&gate)
        for _ in 1...4 { _ = gate.submitPIN("9") }
        _ = gate.submitPIN(Self.pin)
        #expect(gate.failures == 0)
        _ = gate.exit()
        enterSequence(&gate)
        for _ in 1...4 { _ = gate.submitPIN("9") }
        #expect(gate.state == .awaitingPIN)
    }

    @Test func failuresCountAcrossPrompts() {
        let clock = TestClock()
        var gate = makeGate(clock: clock)
        for _ in 1...5 {
            enterSequence(&gate)
            _ = gate.submitPIN("9")
            _ = gate.cancelPIN()
        }
        #expect(gate.state == .lockedOut)
    }

    @Test func pinPromptTimesOut() {
        let clock = TestClock()
        var gate = makeGate(clock: clock)
        enterSequence(&gate)
        clock.advance(by: .seconds(30))
        #expect(gate.submitPIN(Self.pin).isEmpty)
        #expect(gate.state == .idle(progress: 0))
    }

    @Test func leavesByItselfAfterInactivity() {
        let clock = TestClock()
        var gate = makeGate(clock: clock)
        enterMaintenance(&gate)
        clock.advance(by: .seconds(100))
        _ = gate.noteActivity()
        clock.advance(by: .seconds(119))
        #expect(gate.expire().isEmpty)
        #expect(gate.isActive)
        clock.advance(by: .seconds(1))
        #expect(
            gate.expire() == [
                MaintenanceAuditEntry(event: "admin.exit", outcome: "success", detail: "reason=inactivity")
            ])
        #expect(!gate.isActive)
        #expect(gate.expire().isEmpty)
    }

    /// Activity that comes after the timeout does not revive the session; the exit is reported.
    @Test func activityAfterTheTimeoutReportsTheExit() {
        let clock = TestClock()
        var gate = makeGate(clock: clock)
        enterMaintenance(&gate)
        clock.advance(by: .seconds(120))
        #expect(gate.isActive)  // not yet applied
        #expect(gate.noteActivity().map(\.detail) == ["reason=inactivity"])
        #expect(!gate.isActive)
    }

    @Test func actionsAreAuditedOnlyInMaintenance() {
        let clock = TestClock()
        var gate = makeGate(clock: clock)
        let refused = gate.authorize("printer.test")
        #expect(!refused.allowed)
        #expect(refused.audit.isEmpty)

        enterMaintenance(&gate)
        let allowed = gate.authorize("printer.test")
        #expect(allowed.allowed)
        #expect(
            allowed.audit == [MaintenanceAuditEntry(event: "admin.action", outcome: "success", detail: "printer.test")])

        // An action counts as activity.
        clock.advance(by: .seconds(119))
        #expect(gate.authorize("audit.export").allowed)
        clock.advance(by: .seconds(119))
        #expect(gate.expire().isEmpty)
        #expect(gate.isActive)

        // After the timeout the action is refused and the exit is reported with the refusal.
        clock.advance(by: .seconds(1))
        let late = gate.authorize("reader.test")
        #expect(!late.allowed)
        #expect(late.audit.map(\.event) == ["admin.exit"])
    }

    @Test func requestedExit() {
        let clock = TestClock()
        var gate = makeGate(clock: clock)
        #expect(gate.exit().isEmpty)
        enterMaintenance(&gate)
        #expect(
            gate.exit() == [MaintenanceAuditEntry(event: "admin.exit", outcome: "success", detail: "reason=requested")])
        #expect(gate.state == .idle(progress: 0))
    }

    @Test func entriesBecomeAuditRows() async throws {
        let database = try AppDatabase.inMemory()
        let clock = TestClock()
        var gate = makeGate(clock: clock)
        enterSequence(&gate)
        var audit = gate.submitPIN("1")
        audit += gate.submitPIN(Self.pin)
        audit += gate.exit()
        let time = Date(timeIntervalSince1970: 1_800_000_000)
        try await database.recordMaintenanceAudit(audit, time: time, terminalId: "T-0001")
        let rows = try await database.auditEvents()
        #expect(rows.map(\.event) == ["admin.login", "admin.login", "admin.exit"])
        #expect(rows.map(\.outcome) == ["failure", "success", "success"])
        #expect(rows.allSatisfy { $0.terminalId == "T-0001" && $0.time == time && $0.subject == "admin" })
    }
}
