import Foundation
import KioskCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Drives mail submissions through the real binary and kills it with SIGKILL at random moments:
/// every request the binary confirmed must be stored exactly once, with exactly one outbox row and
/// one audit row, and no request may exist without them.
@Suite struct MailCrashSafetyTests {
    @Test func killedSubmissionsNeverLoseOrHalfWriteARequest() async throws {
        let state = try KioskProcess.makeStateDirectory()
        var confirmed: Set<String> = []
        var generator = SystemRandomNumberGenerator()
        let rounds = 200
        for round in 0..<rounds {
            let process = Process()
            process.executableURL = KioskProcess.binary
            process.arguments = [
                "mail", "submit-demo", "--count", "100000", "--prefix", "R\(round)", "--state-directory", state,
            ]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Random moment: sometimes before the database is open, mostly in the middle of commits.
            usleep(UInt32.random(in: 2_000...60_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            let output = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            // Each line is one write(2) shorter than PIPE_BUF, so it arrives whole or not at all;
            // only newline-terminated lines count.
            var lines = String(decoding: output, as: UTF8.self).components(separatedBy: "\n")
            lines.removeLast()
            for line in lines where line.hasPrefix("CONFIRMED ") {
                confirmed.insert(String(line.dropFirst("CONFIRMED ".count)))
            }
        }
        #expect(confirmed.count > 50, "the kills should land after many commits")

        let database = try AppDatabase.open(directory: state)
        let requests = try await database.mailRequests()
        let keys = requests.map(\.idempotencyKey)
        #expect(Set(keys).count == keys.count, "a key stored twice")
        #expect(confirmed.isSubset(of: Set(keys)), "a confirmed request is missing")
        let outbox = try await database.outboxEntries()
        #expect(outbox.count == requests.count)
        #expect(Set(outbox.map(\.recordId)) == Set(requests.compactMap(\.id)))
        let audit = try await database.auditEvents().filter { $0.event == "mail.requested" && $0.outcome == "success" }
        #expect(audit.count == requests.count)
        #expect(requests.allSatisfy { $0.recipientName == "测试收件人" && $0.status == .requested })
    }
}
