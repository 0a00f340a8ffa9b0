import Foundation
import Testing

@testable import KioskCore

@Suite struct MailExportMarkTests {
    @Test func anExportedRequestKeepsItsFirstExportTime() async throws {
        let database = try SyncFixture.database()
        let first = try #require(
            try await database.submitMailRequest(SyncFixture.mailRequest(1), terminalId: "T1").request.id)
        let second = try #require(
            try await database.submitMailRequest(SyncFixture.mailRequest(2), terminalId: "T1").request.id)
        let time = SyncFixture.now.addingTimeInterval(60)
        #expect(try await database.markMailExported(ids: [first], at: time) == 1)
        #expect(try await database.markMailExported(ids: [first, second], at: time + 60) == 1)
        #expect(try await database.mailExportedAt(id: first) == time)
        #expect(try await database.mailExportedAt(id: second) == time + 60)
    }
}
