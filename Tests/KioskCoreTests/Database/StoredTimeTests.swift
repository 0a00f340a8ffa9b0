import Foundation
import GRDB
import Testing

@testable import KioskCore

/// ``StoredTime`` writes and reads exactly what GRDB's own (ICU-backed) `Date` conversion does, so
/// rows written before and after the change compare and sort alike.
@Suite struct StoredTimeTests {
    @Test func writesTheSameTextAsGRDB() {
        var generator = SystemRandomNumberGenerator()
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_789_574_399.999)]
        for _ in 0..<5_000 {
            let milliseconds = Double(Int64.random(in: 0...4_102_444_800_000, using: &generator)) / 1000
            dates.append(Date(timeIntervalSince1970: milliseconds))
            dates.append(Date(timeIntervalSince1970: Double.random(in: 0...4_102_444_800, using: &generator)))
        }
        for date in dates {
            #expect(StoredTime(date).databaseValue == date.databaseValue, "\(date.timeIntervalSince1970)")
        }
    }

    @Test func readsWhatGRDBReads() {
        let texts = [
            "2026-11-22 09:30:15.123", "2026-11-22 09:30:15", "2026-11-22 09:30", "2026-11-22", "1999-12-31T23:59:59.5",
            "2024-02-29 00:00:00.000",
        ]
        for text in texts {
            let ours = StoredTime.date(from: text.databaseValue)?.timeIntervalSince1970
            let grdb = Date.fromDatabaseValue(text.databaseValue)?.timeIntervalSince1970
            #expect(
                abs((ours ?? 0) - (grdb ?? 1)) < 1e-6,
                "\(text): \(String(describing: ours)) vs \(String(describing: grdb))")
        }
        // Reading and writing back gives the same text.
        for text in ["2026-11-22 09:30:15.123", "1999-12-31 23:59:59.999", "2024-02-29 00:00:00.001"] {
            #expect(StoredTime.date(from: text.databaseValue).map(StoredTime.text) == text)
        }
        #expect(StoredTime.date(from: 1_789_574_400.databaseValue) == Date(timeIntervalSince1970: 1_789_574_400))
        #expect(StoredTime.date(from: "09:30".databaseValue) == nil, "a time without a day is no date")
        #expect(StoredTime.date(from: "2026-02-30 10:00".databaseValue) == nil)
        #expect(StoredTime.date(from: "yesterday".databaseValue) == nil)
    }

    @Test func recordsStoreTheirDatesAsStoredTimeText() async throws {
        let database = try AppDatabase.inMemory()
        let time = Date(timeIntervalSince1970: 1_789_574_400.25)
        _ = try await database.recordAudit(
            AuditEvent(time: time, terminalId: "T-1", event: "test.stored-time", outcome: "success"))
        let raw = try await database.reader.read { db in
            try String.fetchOne(db, sql: "SELECT time FROM auditEvent WHERE event = 'test.stored-time'")
        }
        #expect(raw == "2026-09-16 16:00:00.250")
        let events = try await database.auditEvents(since: time.addingTimeInterval(-1))
        #expect(events.map(\.time) == [time])
        #expect(try await database.auditEvents(since: time.addingTimeInterval(1)).isEmpty)
    }

    @Test func iso8601IsUTCWithOptionalMilliseconds() {
        let date = Date(timeIntervalSince1970: 1_789_574_400.25)
        #expect(StoredTime.iso8601(date) == "2026-09-16T16:00:00Z")
        #expect(StoredTime.iso8601(date, milliseconds: true) == "2026-09-16T16:00:00.250Z")
    }
}
