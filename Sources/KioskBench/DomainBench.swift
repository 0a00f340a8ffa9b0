/// Benchmarks of the domain capability. Filled in by the issue that builds it.
enum DomainBench {
    static func run(_ report: inout BenchReport) async throws {
        report.add(suite: "domain", name: "not implemented yet", value: "-")
    }
}
