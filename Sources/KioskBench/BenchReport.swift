import Foundation

/// Rows of benchmark results: what was measured, the number, its unit, and the target it is held to.
struct BenchReport {
    struct Row {
        var suite: String
        var name: String
        var value: String
        var target: String
        var note: String
    }

    private(set) var rows: [Row] = []

    mutating func add(suite: String, name: String, value: String, target: String = "", note: String = "") {
        rows.append(Row(suite: suite, name: name, value: value, target: target, note: note))
        // Progress goes to stderr so a long suite shows life; the table goes to stdout at the end.
        FileHandle.standardError.write(Data("[\(suite)] \(name): \(value) \(note)\n".utf8))
    }

    func rendered() -> String {
        let header = Row(suite: "suite", name: "measurement", value: "value", target: "target", note: "note")
        let all = [header] + rows
        func width(_ key: KeyPath<Row, String>) -> Int { all.map { $0[keyPath: key].count }.max() ?? 0 }
        let widths = [width(\.suite), width(\.name), width(\.value), width(\.target)]
        return all.map { row in
            [row.suite, row.name, row.value, row.target].enumerated().map { index, cell in
                cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ") + "  " + row.note
        }.joined(separator: "\n")
    }
}

/// Timing statistics over repeated runs, in nanoseconds.
struct Timing {
    var samples: [Double]

    var median: Double { percentile(50) }
    var p99: Double { percentile(99) }

    func percentile(_ p: Double) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(sorted.count - 1)).rounded())
        return sorted[rank]
    }

    /// Formats nanoseconds as milliseconds with 4 decimals.
    static func ms(_ nanoseconds: Double) -> String { String(format: "%.4f ms", nanoseconds / 1_000_000) }
}

/// Runs `body` `warmup` times unmeasured, then `iterations` times, timing each run with the
/// monotonic clock.
func measure(iterations: Int, warmup: Int = 10, _ body: () throws -> Void) rethrows -> Timing {
    for _ in 0..<warmup { try body() }
    var samples: [Double] = []
    samples.reserveCapacity(iterations)
    let clock = ContinuousClock()
    for _ in 0..<iterations {
        let start = clock.now
        try body()
        let elapsed = start.duration(to: clock.now)
        samples.append(Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9)
    }
    return Timing(samples: samples)
}

/// The async twin of ``measure(iterations:warmup:_:)``.
func measureAsync(iterations: Int, warmup: Int = 10, _ body: () async throws -> Void) async rethrows -> Timing {
    for _ in 0..<warmup { try await body() }
    var samples: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<iterations {
        let start = clock.now
        try await body()
        let elapsed = start.duration(to: clock.now)
        samples.append(Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9)
    }
    return Timing(samples: samples)
}
