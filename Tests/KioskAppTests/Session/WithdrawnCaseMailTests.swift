import Foundation
import KioskCore
import KioskUI
import Testing

@testable import KioskApp

/// A 办件 withdrawn upstream (a replica delete) while its citizen fills in the mail form: the
/// request is refused without a crash and without calling for the database health check.
@Suite struct WithdrawnCaseMailTests {
    @Test("a mail request for a 办件 the replica deleted mid-session is refused, not a storage failure")
    func withdrawnDuringTheForm() async throws {
        let fixture = try await SessionBackendFixture.make()
        let (token, _) = await fixture.backend.open(identity: SessionBackendFixture.identity())
        _ = try await fixture.backend.caseFiles(session: token)
        var draft = try await fixture.backend.mailDefaults(number: "A-2", session: token)
        draft.phone = "13812345678"

        try await fixture.database.applyChanges(
            [ReplicaChange(entity: .caseFile, key: "A-2", version: 1, operation: .delete)], cursor: "c1",
            at: LiveSessionBackendItemTests.now)
        #expect(await fixture.backend.submitMail(draft, session: token) == .failed)
        #expect(fixture.storageFailureCount == 0)
        #expect(try await fixture.database.mailRequest(caseNumber: "A-2") == nil)
        // The next card read no longer lists it.
        let rows = try await fixture.backend.caseFiles(session: token)
        #expect(!rows.map(\.number).contains("A-2"))
    }
}
