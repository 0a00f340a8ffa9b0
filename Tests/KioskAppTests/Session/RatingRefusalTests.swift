import Foundation
import KioskCore
import KioskUI
import Testing

@testable import KioskApp

/// A rating the rules refuse is answered with a field and a message, like a refused mail request;
/// only a storage failure makes the back end call for the database health check.
@Suite struct RatingRefusalBackendTests {
    static let badPhone = EvaluationDraft(
        caseNumber: "A-2", level: .dissatisfied, reasons: [.slow], callbackPhone: "12345")
    static let good = EvaluationDraft(caseNumber: "A-2", level: .verySatisfied, reasons: [], callbackPhone: nil)

    @Test("a bad callback phone is refused on its field; the health check is not called")
    func badCallbackPhone() async throws {
        let fixture = try await SessionBackendFixture.make()
        let (token, _) = await fixture.backend.open(identity: SessionBackendFixture.identity())
        #expect(
            await fixture.backend.submitEvaluation(Self.badPhone, session: token)
                == .invalid(field: "callbackPhone", message: MobileNumber.ruleMessage))
        #expect(fixture.storageFailureCount == 0)
    }

    @Test("a storage failure still fails and calls the health check")
    func storageFailure() async throws {
        let fixture = try await SessionBackendFixture.make()
        let (token, _) = await fixture.backend.open(identity: SessionBackendFixture.identity())
        fixture.backOffice.failStorage()
        #expect(await fixture.backend.submitEvaluation(Self.good, session: token) == .failed)
        #expect(fixture.storageFailureCount == 1)
    }

    @Test("through the screens: a second citizen rating the same 办件 reads why, on the rating screen")
    func alreadyRatedOnScreen() async throws {
        let fixture = try await SessionBackendFixture.make()
        for citizen in 1...2 {
            var driver = try CitizenDriver(backend: fixture.backend)
            await driver.advance(.zero)
            let (token, summary) = await fixture.backend.open(identity: SessionBackendFixture.identity())
            await driver.card(.inserted(summary, session: token))
            await driver.tap(.openCaseFile(number: "A-2"))
            await driver.tap(.printSlip)
            await driver.tap(.finish)
            guard case .rating = await driver.shell.screen else {
                Issue.record("citizen \(citizen): expected the rating screen, got \(await driver.shell.screen)")
                return
            }
            await driver.tap(.rate(.verySatisfied))
            if citizen == 1 {
                #expect(await driver.shell.screen == .end(thanked: true))
            } else {
                guard case .rating(let form) = await driver.shell.screen else {
                    Issue.record("expected the rating screen again, got \(await driver.shell.screen)")
                    return
                }
                #expect(form.refusal == "该办件已评价,可追加评价一次")
                let text = await driver.text()
                #expect(text.contains("该办件已评价"), "\(text)")
                #expect(await fixture.backend.openSessionCount == 1)
            }
        }
        #expect(fixture.storageFailureCount == 0)
    }
}
