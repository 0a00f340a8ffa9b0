import Foundation
import GRDB
import KioskCore

/// Benchmarks of the domain (issue #6): finding a citizen's 办件 among 1,000,000 in the replica,
/// and the durable commit of a mail request with its outbox and audit rows.
enum DomainBench {
    static let rows = 1_000_000

    static func run(_ report: inout BenchReport) async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kiosk-bench-domain-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = try AppDatabase.open(directory: directory)

        let clock = ContinuousClock()
        let start = clock.now
        try await fill(database)
        report.add(
            suite: "domain", name: "build replica (1M 办件, one transaction)", value: "\(start.duration(to: clock.now))")
        // Start the timed part with an empty WAL, as a kiosk does after its nightly replica refresh.
        try await database.writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }

        // Probe numbers that exist: every citizen has two 办件 (as applicant), some are also agents.
        var generator = SystemRandomNumberGenerator()
        let probes = (0..<2_000).map { _ in idNumber(Int.random(in: 0..<(rows / 2), using: &generator)) }
        var probeIndex = 0
        func nextProbe() -> String {
            probeIndex = (probeIndex + 1) % probes.count
            return probes[probeIndex]
        }

        let lookup = try await measureAsync(iterations: 5_000, warmup: 200) {
            let found = try await database.caseFiles(forIdNumber: nextProbe())
            precondition(found.count >= 2)
        }
        report.add(
            suite: "domain", name: "citizen's 办件 among 1M (AppDatabase.caseFiles, awaited)",
            value: Timing.ms(lookup.median),
            target: "≤ 0.1 ms median", note: "p99 \(Timing.ms(lookup.p99)) (target ≤ 0.5 ms)")

        let syncLookup = try measure(iterations: 5_000, warmup: 200) {
            let found = try database.reader.read { db in try AppDatabase.caseFiles(db, forIdNumber: nextProbe()) }
            precondition(found.count >= 2)
        }
        report.add(
            suite: "domain", name: "same query in a plain GRDB read, decoded", value: Timing.ms(syncLookup.median),
            note: "p99 \(Timing.ms(syncLookup.p99)), for comparison")

        let bare = try measure(iterations: 5_000, warmup: 200) {
            let numbers = try database.reader.read { db in
                try String.fetchAll(
                    db.cachedStatement(sql: "SELECT number FROM caseFile WHERE applicantIdNumber = ?"),
                    arguments: [nextProbe()])
            }
            precondition(numbers.count >= 2)
        }
        report.add(
            suite: "domain", name: "bare SQLite indexed lookup (numbers only)", value: Timing.ms(bare.median),
            note: "p99 \(Timing.ms(bare.p99)), for comparison")

        var sequence = 0
        let commit = try await measureAsync(iterations: 500, warmup: 20) {
            sequence += 1
            let key = "BENCH-MAIL-\(sequence)"
            let request = MailRequest(
                caseNumber: key, idempotencyKey: key, recipientName: "测试收件人", phone: "13800138000",
                regionCode: "330106", address: "浙江省杭州市西湖区文三路90号", postcode: "310000", certificateName: "测试证照",
                requestedAt: Date())
            let submission = try await database.submitMailRequest(request, terminalId: "bench")
            guard case .created = submission else { preconditionFailure("duplicate in bench") }
        }
        report.add(
            suite: "domain", name: "mail request + outbox + audit, durable commit", value: Timing.ms(commit.p99),
            target: "≤ 2 ms p99",
            note: "median \(Timing.ms(commit.median)), max \(Timing.ms(commit.percentile(100))), synchronous=FULL, WAL")

        // Where the slow commits fall tells checkpoints (periodic) from a busy machine (scattered).
        let slow = commit.samples.enumerated().filter { $0.element > 1_000_000 }.map(\.offset)
        report.add(
            suite: "domain", name: "mail commits over 1 ms (of 500)", value: "\(slow.count)",
            note: "at iterations \(slow.prefix(12).map(String.init).joined(separator: " "))")
        // The same commits with WAL checkpoints moved to WALCheckpointer's timer (100 ms here).
        let checkpointer = WALCheckpointer(database: database)
        let deferred = try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await checkpointer.run(every: .milliseconds(100), clock: ContinuousClock()) }
            while try await checkpointer.autoCheckpointPages() != 0 { try await Task.sleep(for: .milliseconds(1)) }
            let timing = try await measureAsync(iterations: 500, warmup: 20) {
                sequence += 1
                let key = "BENCH-MAIL-\(sequence)"
                let request = MailRequest(
                    caseNumber: key, idempotencyKey: key, recipientName: "测试收件人", phone: "13800138000",
                    regionCode: "330106", address: "浙江省杭州市西湖区文三路90号", postcode: "310000",
                    certificateName: "测试证照", requestedAt: Date())
                _ = try await database.submitMailRequest(request, terminalId: "bench")
            }
            group.cancelAll()
            try await group.waitForAll()
            return timing
        }
        report.add(
            suite: "domain", name: "same, checkpoints by WALCheckpointer", value: Timing.ms(deferred.p99),
            target: "≤ 2 ms p99",
            note: "median \(Timing.ms(deferred.median)), max \(Timing.ms(deferred.percentile(100)))")

        try await database.writer.write { db in
            try db.execute(sql: "CREATE TABLE benchBare (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)")
        }
        let bareInsert = try measure(iterations: 500, warmup: 20) {
            try database.writer.write { db in
                try db.execute(sql: "INSERT INTO benchBare (payload) VALUES (?)", arguments: ["x"])
            }
        }
        report.add(
            suite: "domain", name: "bare fsync'd insert (one row, own transaction)", value: Timing.ms(bareInsert.p99),
            note: "median \(Timing.ms(bareInsert.median)), p99 shown, for comparison")
    }

    /// An 18-character pseudo ID number for citizen `index` (not checksummed: the bench only needs
    /// realistic key length and distribution).
    static func idNumber(_ index: Int) -> String {
        "33010219" + String(format: "%010d", index)
    }

    /// One transaction, one prepared statement, 1M rows: two 办件 per citizen, every tenth with an agent.
    static func fill(_ database: AppDatabase) async throws {
        try await database.writer.write { db in
            let statement = try db.makeStatement(
                sql: """
                    INSERT INTO caseFile (number, itemName, itemCode, department, applicantName, applicantIdNumber,
                      agentIdNumber, approvalType, statusCode, acceptedAt, promiseLimit, promiseUnit, pauses,
                      itemAllowsMail, mailFlagged, steps, updatedAt)
                    VALUES (?, '营业执照变更登记', 'ITEM-1', '市市场监督管理局', '测试', ?, ?, 2, 8, ?, 20, 1, '[]', 1, 0, '[]', ?)
                    """)
            let now = Date()
            for row in 0..<rows {
                let citizen = row / 2
                let agent: String? = row % 10 == 0 ? idNumber((citizen + 7) % (rows / 2)) : nil
                try statement.execute(arguments: [
                    String(format: "B-%08d", row), idNumber(citizen), agent, now.addingTimeInterval(-Double(row)), now,
                ])
            }
        }
    }
}
