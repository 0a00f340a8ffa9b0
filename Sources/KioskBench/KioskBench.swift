import ArgumentParser
import Foundation

/// `kiosk-bench`: the benchmarks named in the issues, with their targets, printed as a table.
///
/// Build it in release mode: `swift run -c release kiosk-bench [suite …]`.
@main
struct KioskBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-bench",
        abstract: "Run the kiosk's benchmarks and print medians, percentiles and targets."
    )

    @Argument(help: "Suites to run: terminal, reader, printer, domain, privacy, app (default: all).")
    var suites: [String] = []

    @Option(help: "Card sessions in the app suite's memory run (resident memory after 10, 100, 1,000 … of them).")
    var sessions = 1_000

    func run() async throws {
        let all: [(String, @Sendable (inout BenchReport) async throws -> Void)] = [
            ("terminal", TerminalBench.run),
            ("reader", ReaderBench.run),
            ("printer", PrinterBench.run),
            ("domain", DomainBench.run),
            ("privacy", PrivacyBench.run),
            ("app", { [sessions] in try await AppBench.run(&$0, sessions: sessions) }),
        ]
        var report = BenchReport()
        for (name, suite) in all where suites.isEmpty || suites.contains(name) {
            try await suite(&report)
        }
        print(report.rendered())
    }
}
