import Foundation
import KioskCore
import KioskDevices
import KioskUI
import Testing

@testable import KioskApp

/// Every way a card session can end leaves nothing of the citizen in the back end: no open session
/// (so no identity), the identity's photo, name, address and number zeroed, and the session's print jobs
/// cancelled.
@Suite struct SessionEndingTests {
    /// A fixture with a card session open on the 办件 list, and one slip printed in it.
    struct OpenSession {
        let fixture: SessionBackendFixture
        var driver: CitizenDriver
        let identity: Identity
        let token: SessionToken
    }

    static func openSession(printing: Bool = true) async throws -> OpenSession {
        let fixture = try await SessionBackendFixture.make()
        var driver = try CitizenDriver(backend: fixture.backend)
        await driver.advance(.zero)  // the app ticks before any card arrives
        let identity = SessionBackendFixture.identity()
        let (token, summary) = await fixture.backend.open(identity: identity)
        await driver.card(.inserted(summary, session: token))
        if printing { #expect(await fixture.backend.printSlip(number: "A-1", session: token) == .printed) }
        #expect(await fixture.backend.openSessionCount == 1)
        return OpenSession(fixture: fixture, driver: driver, identity: identity, token: token)
    }

    /// Nothing is held and the printed job's session was cancelled, once.
    static func expectNothingHeld(_ session: OpenSession, sourceLocation: SourceLocation = #_sourceLocation) async {
        #expect(await session.fixture.backend.openSessionCount == 0, sourceLocation: sourceLocation)
        #expect(session.identity.isWiped, "photo, name, address and number zeroed", sourceLocation: sourceLocation)
        let printer = session.fixture.printer
        #expect(printer.cancelled.count == 1, "\(printer.cancelled)", sourceLocation: sourceLocation)
        #expect(Set(printer.printed).isSubset(of: Set(printer.cancelled)), sourceLocation: sourceLocation)
        await #expect(throws: (any Error).self, sourceLocation: sourceLocation) {
            try await session.fixture.backend.caseFiles(session: session.token)
        }
    }

    @Test("card removed")
    func cardRemoved() async throws {
        let session = try await Self.openSession()
        #expect(await session.driver.shell.screen != .home)
        await session.driver.card(.removed)
        await Self.expectNothingHeld(session)
    }

    @Test("结束 on the 办件 list")
    func endButton() async throws {
        let session = try await Self.openSession()
        await session.driver.tap(.end)
        await Self.expectNothingHeld(session)
    }

    @Test("idle timeout: the countdown runs out")
    func idleTimeout() async throws {
        var session = try await Self.openSession()
        let config = UIConfig()
        await session.driver.advance(config.idleTimeout + .seconds(1))
        #expect(await session.fixture.backend.openSessionCount == 1, "the countdown has only started")
        await session.driver.advance(config.countdown + .seconds(1))
        await Self.expectNothingHeld(session)
    }

    @Test("error: the back office fails while the session loads its 办件")
    func backEndError() async throws {
        let fixture = try await SessionBackendFixture.make()
        let driver = try CitizenDriver(backend: fixture.backend)
        let identity = SessionBackendFixture.identity()
        fixture.backOffice.failQueries()
        let (token, summary) = await fixture.backend.open(identity: identity)
        await driver.card(.inserted(summary, session: token))
        #expect(await driver.shell.screen == .failure(.commonError))
        await Self.expectNothingHeld(
            OpenSession(fixture: fixture, driver: driver, identity: identity, token: token))
    }

    @Test("shutdown: every open session ends")
    func shutdown() async throws {
        let session = try await Self.openSession()
        let second = await session.fixture.backend.open(identity: SessionBackendFixture.identity()).0
        await session.fixture.backend.endAllSessions()
        #expect(await session.fixture.backend.openSessionCount == 0)
        #expect(session.identity.isWiped)
        #expect(
            Set(session.fixture.printer.cancelled) == [PrintSessionID("\(session.token)"), PrintSessionID("\(second)")])
    }

    @Test("a session that ends while its 办件 load does not come back")
    func endedWhileLoading() async throws {
        let fixture = try await SessionBackendFixture.make()
        let (token, _) = await fixture.backend.open(identity: SessionBackendFixture.identity())
        fixture.backOffice.holdQueries()
        let backend = fixture.backend
        let rows = Task { try await backend.caseFiles(session: token) }
        await fixture.backOffice.queryArrived()
        await backend.endSession(token)
        fixture.backOffice.releaseQuery()
        await #expect(throws: (any Error).self) { try await rows.value }
        #expect(await fixture.backend.openSessionCount == 0)
    }
}
