/// Benchmarks of the printer capability. Filled in by the issue that builds it.
enum PrinterBench {
    static func run(_ report: inout BenchReport) async throws {
        report.add(suite: "printer", name: "not implemented yet", value: "-")
    }
}
