/// Benchmarks of the terminal capability. Filled in by the issue that builds it.
enum TerminalBench {
    static func run(_ report: inout BenchReport) async throws {
        report.add(suite: "terminal", name: "not implemented yet", value: "-")
    }
}
