import Foundation

/// Full-jitter exponential backoff (base 5 s, cap 15 min): after the n-th consecutive failure wait a
/// uniformly random time in [0, min(cap, base · 2ⁿ)], and never less than the gateway's
/// `Retry-After`.
package struct Backoff: Sendable, Equatable {
    package var base: Duration = .seconds(5)
    package var cap: Duration = .seconds(15 * 60)
    package private(set) var failures = 0

    package init(base: Duration = .seconds(5), cap: Duration = .seconds(15 * 60)) {
        self.base = base
        self.cap = cap
    }

    /// Records a failure and returns how long to wait before the next try.
    package mutating func failed(retryAfter: Duration?, using generator: inout some RandomNumberGenerator) -> Duration {
        failures += 1
        let exponent = min(failures - 1, 30)
        let ceiling = min(Self.seconds(cap), Self.seconds(base) * pow(2, Double(exponent)))
        let jittered = Duration.milliseconds(
            Int64((Double.random(in: 0...ceiling, using: &generator) * 1_000).rounded()))
        guard let retryAfter else { return jittered }
        return max(jittered, retryAfter)
    }

    /// Records a success.
    package mutating func succeeded() { failures = 0 }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// ±20 % jitter of an interval, so a fleet that boots together spreads out.
package func jittered(_ interval: Duration, using generator: inout some RandomNumberGenerator) -> Duration {
    let milliseconds = Double(interval.components.seconds) * 1_000
    return .milliseconds(Int64(milliseconds * Double.random(in: 0.8...1.2, using: &generator)))
}
