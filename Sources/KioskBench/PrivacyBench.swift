import Foundation
import KioskCore
import KioskDevices

/// What wiping a session costs (rule R5, issue 12): decoding a card into wipeable buffers, zeroing an
/// identity, and releasing SQLite's memory of the session's queries when the session ends.
///
/// glibc's heap hygiene (`M_PERTURB` and no tcache, which `kiosk run` sets at start) is measured by
/// running the other suites with and without `GLIBC_TUNABLES=glibc.malloc.tcache_count=0:glibc.malloc.perturb=165`
/// (docs/privacy.md); this suite reports which of the two it runs under.
enum PrivacyBench {
    static func run(_ report: inout BenchReport) async throws {
        let tunables = ProcessInfo.processInfo.environment["GLIBC_TUNABLES"] ?? ""
        report.add(suite: "privacy", name: "heap hygiene tunables", value: tunables.isEmpty ? "off" : tunables)
        let record = try SampleCardsLookup.resident()
        let block = CardTextBlock.encode(record)

        let decode = measure(iterations: 20_000, warmup: 500) {
            let identity = CardTextBlock.identity(text: block, photo: record.photo)
            precondition(!identity.maskedName.isEmpty)
        }
        report.add(
            suite: "privacy", name: "card text block → Identity (wipeable fields, masks made once)",
            value: Timing.ms(decode.median), note: "p99 \(Timing.ms(decode.p99))")

        var identities = (0..<20_500).map { _ in CardTextBlock.identity(text: block, photo: record.photo) }
        let wipe = measure(iterations: 20_000, warmup: 500) {
            identities.removeLast().wipe()
        }
        report.add(
            suite: "privacy", name: "Identity.wipe (photo, name, address, number zeroed)",
            value: Timing.ms(wipe.median),
            note: "p99 \(Timing.ms(wipe.p99))")

        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kiosk-bench-privacy-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = try AppDatabase.open(directory: directory)
        let number = record.number
        var release = [Double]()
        var firstLookup = [Double]()
        let clock = ContinuousClock()
        for round in 0..<210 {
            _ = try await database.caseFiles(forIdNumber: number)
            let start = clock.now
            database.releaseSessionMemory()
            let released = clock.now
            _ = try await database.caseFiles(forIdNumber: number)
            let looked = clock.now
            if round >= 10 {
                release.append(nanoseconds(start.duration(to: released)))
                firstLookup.append(nanoseconds(released.duration(to: looked)))
            }
        }
        let releaseTiming = Timing(samples: release)
        let lookupTiming = Timing(samples: firstLookup)
        report.add(
            suite: "privacy", name: "session end: AppDatabase.releaseSessionMemory (statements, caches)",
            value: Timing.ms(releaseTiming.median), note: "p99 \(Timing.ms(releaseTiming.p99))")
        report.add(
            suite: "privacy", name: "next session's first lookup after the release (statement prepared anew)",
            value: Timing.ms(lookupTiming.median), note: "p99 \(Timing.ms(lookupTiming.p99))")
    }

    private static func nanoseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
    }
}
