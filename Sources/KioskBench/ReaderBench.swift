/// Benchmarks of the reader capability. Filled in by the issue that builds it.
enum ReaderBench {
    static func run(_ report: inout BenchReport) async throws {
        report.add(suite: "reader", name: "not implemented yet", value: "-")
    }
}
