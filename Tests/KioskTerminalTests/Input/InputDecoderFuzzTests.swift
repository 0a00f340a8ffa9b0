import KioskTestSupport
import Testing

@testable import KioskTerminal

/// Millions of random and mutated bytes: no crash, no hang, bounded buffering, and sync is never lost.
@Suite(.timeLimit(.minutes(1))) struct InputDecoderFuzzTests {
    /// Valid sequences the mutator starts from.
    static let seeds: [[UInt8]] =
        ([
            "\u{1B}[A", "\u{1B}[1;5C", "\u{1B}OP", "\u{1B}[15~", "\u{1B}[<0;10;5M", "\u{1B}[<0;10;5m",
            "\u{1B}[?2026;2$y", "\u{1B}[?62;22c", "\u{1B}[200~abc\u{1B}[201~", "中文", "a", "\u{1B}]0;t\u{07}",
            "\u{1B}Op", "\u{1B}[[A", "😀",
        ] as [String]).map { Array($0.utf8) }

    @Test func randomAndMutatedBytesKeepTheDecoderBoundedAndInSync() {
        var random = SeededGenerator(seed: 0x6B_696F_736B)
        var decoder = InputDecoder()
        var now = Duration.zero
        var total = 0
        var events = 0
        while total < 3_000_000 {
            var chunk: [UInt8] = []
            let pieces = Int.random(in: 1...16, using: &random)
            for _ in 0..<pieces {
                if Bool.random(using: &random) {
                    for _ in 0..<Int.random(in: 1...24, using: &random) {
                        chunk.append(UInt8.random(in: 0...255, using: &random))
                    }
                } else {
                    var piece = Self.seeds.randomElement(using: &random)!
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0:
                        piece[Int.random(in: 0..<piece.count, using: &random)] = UInt8.random(
                            in: 0...255,
                            using: &random
                        )
                    case 1: piece.removeLast(Int.random(in: 0..<piece.count, using: &random))
                    case 2:
                        piece.insert(
                            UInt8.random(in: 0...255, using: &random),
                            at: Int.random(in: 0...piece.count, using: &random)
                        )
                    default: break
                    }
                    chunk += piece
                }
            }
            now += .milliseconds(Int64.random(in: 0...80, using: &random))
            events += decoder.feed(chunk, now: now).count
            #expect(decoder.bufferedByteCount <= InputDecoder.maxPendingBytes)
            if Int.random(in: 0..<8, using: &random) == 0 { events += decoder.flush(now: now + .seconds(2)).count }
            total += chunk.count
        }
        #expect(events > 0)
        // After any garbage, a timeout plus a clean sequence decodes exactly.
        _ = decoder.flush(now: now + .seconds(5))
        #expect(decoder.bufferedByteCount == 0)
        #expect(
            decoder.feed(Array("\u{1B}[Bz".utf8), now: now + .seconds(6)) == [
                .key(KeyPress(.down)), .key(KeyPress(.character("z"))),
            ]
        )
    }
}
