import KioskSync
import KioskTestSupport
import Testing

/// Full-jitter exponential backoff (base 5 s, cap 15 min) never sooner than `Retry-After`.
struct BackoffTests {
    @Test func waitsStayWithinTheJitterCeilingAndTheCap() {
        var generator = SeededGenerator(seed: 7)
        var backoff = Backoff()
        var ceilings: [Duration] = []
        for _ in 0..<12 {
            let wait = backoff.failed(retryAfter: nil, using: &generator)
            let ceiling = min(Duration.seconds(900), .seconds(5) * (1 << min(backoff.failures - 1, 20)))
            #expect(wait >= .zero && wait <= ceiling, "attempt \(backoff.failures): \(wait) > \(ceiling)")
            ceilings.append(ceiling)
        }
        #expect(ceilings.last == .seconds(900))
        backoff.succeeded()
        #expect(backoff.failures == 0)
    }

    @Test func retryAfterIsAFloor() {
        var generator = SeededGenerator(seed: 1)
        var backoff = Backoff()
        for _ in 0..<200 {
            #expect(backoff.failed(retryAfter: .seconds(30), using: &generator) >= .seconds(30))
            backoff.succeeded()
        }
    }

    @Test func jitterIsPlusMinusTwentyPercent() {
        var generator = SeededGenerator(seed: 3)
        let waits = (0..<500).map { _ in jittered(.seconds(60), using: &generator) }
        #expect(waits.allSatisfy { $0 >= .seconds(48) && $0 <= .seconds(72) })
        #expect(waits.min()! < .seconds(51) && waits.max()! > .seconds(69), "the whole range is used")
    }
}
