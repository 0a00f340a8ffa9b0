import Foundation
import KioskCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Drives mail submissions through the real binary and kills it with SIGKILL at random moments:
/// every request the binary confirmed must be stored exactly once, with exactly one outbox row and
/// one audit row, and no request may exist without them. `ScreenCrashSafetyTests` does the same
/// through the screen; this one commits back to back, so its kills land inside commits far more often.
@Suite struct MailCrashSafetyTests {
    @Test func killedSubmissionsNeverLoseOrHalfWriteARequest() async throws {
        let state = try KioskProcess.makeStateDirectory()
        let binary = KioskProcess.binary
        // The kill loop blocks on pipes and sleeps, so it runs on its own thread, not on Swift's
        // cooperative pool (which the rest of the parallel suite needs).
        let (confirmed, killedMidCommit) = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: Self.killLoop(binary: binary, state: state, rounds: 200))
            }
        }
        #expect(killedMidCommit >= 150, "most kills should land while commits are under way")
        #expect(confirmed.count > 200, "the kills should land after many commits")

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

    /// Starts `kiosk mail submit-demo` `rounds` times and SIGKILLs it at a random moment: in a quarter
    /// of the rounds at a random time after start (maybe before the database is even open), otherwise
    /// right after a random number of confirmations, so the kill lands between or inside commits
    /// whatever the machine's load. Returns the confirmed keys and how many kills came after a commit.
    private static func killLoop(binary: URL, state: String, rounds: Int) -> (Set<String>, Int) {
        var confirmed: Set<String> = []
        var killedMidCommit = 0
        var generator = SystemRandomNumberGenerator()
        for round in 0..<rounds {
            let process = Process()
            process.executableURL = binary
            process.arguments = [
                "mail", "submit-demo", "--count", "100000", "--prefix", "R\(round)", "--state-directory", state,
            ]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { continue }
            var output = Data()
            if round % 4 == 0 {
                usleep(UInt32.random(in: 1_000...80_000, using: &generator))
            } else {
                let target = Int.random(in: 1...12, using: &generator)
                while output.split(separator: UInt8(ascii: "\n")).count < target {
                    let chunk = out.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    output.append(chunk)
                }
                usleep(UInt32.random(in: 0...3_000, using: &generator))
                killedMidCommit += 1
            }
            kill(process.processIdentifier, SIGKILL)
            output.append(out.fileHandleForReading.readDataToEndOfFile())
            process.waitUntilExit()
            // Each line is one write(2) shorter than PIPE_BUF, so it arrives whole or not at all;
            // only newline-terminated lines count.
            var lines = String(decoding: output, as: UTF8.self).components(separatedBy: "\n")
            lines.removeLast()
            for line in lines where line.hasPrefix("CONFIRMED ") {
                confirmed.insert(String(line.dropFirst("CONFIRMED ".count)))
            }
        }
        return (confirmed, killedMidCommit)
    }
}
