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

    @Argument(help: "Suites to run: terminal, reader, printer, domain, app (default: all).")
    var suites: [String] = []

    func run() async throws {
        let all: [(String, @Sendable (inout BenchReport) async throws -> Void)] = [
            ("terminal", TerminalBench.run),
            ("reader", ReaderBench.run),
            ("printer", PrinterBench.run),
            ("domain", DomainBench.run),
            ("app", AppBench.run),
        ]
        var report = BenchReport()
        for (name, suite) in all where suites.isEmpty || suites.contains(name) {
            try await suite(&report)
        }
        print(report.rendered())
    }
}
