import KioskTestSupport
import Testing

@testable import KioskDevices

/// Property and fuzz tests: random, truncated and mutated streams never crash, never hang (each
/// `next()` call either consumes input or asks for more, so draining is bounded), and every frame
/// returned has a good checksum: re-encoded, it occurs verbatim in the input.
@Suite struct FrameDecoderFuzzTests {
    /// Feeds `stream` in random chunks and returns everything decoded, failing if draining loops.
    static func decodeAll(_ stream: [UInt8], using generator: inout SeededGenerator) -> [FrameDecoder.Output] {
        var decoder = FrameDecoder()
        var outputs: [FrameDecoder.Output] = []
        var index = 0
        // Each output advances past at least one byte, so more outputs than bytes means a loop.
        let budget = stream.count + 1
        while index < stream.count {
            let chunk = Int.random(in: 1...64, using: &generator)
            decoder.append(stream[index..<min(index + chunk, stream.count)])
            index += chunk
            while let output = decoder.next() {
                outputs.append(output)
                if outputs.count > budget { return outputs }
            }
        }
        return outputs
    }

    /// `true` when `needle` occurs contiguously in `haystack`.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }

    static func checkProperties(_ stream: [UInt8], _ outputs: [FrameDecoder.Output]) {
        #expect(outputs.count <= stream.count + 1, "decoder produced more outputs than input bytes")
        for case .frame(let body) in outputs {
            let frame = SAMFrame.encode(body: body)
            #expect(frame.count <= SAMFrame.maximumFrameSize)
            #expect(contains(stream, frame), "decoded a frame that was not in the input")
        }
    }

    /// Valid answers a SAM sends, to mix into the streams.
    static let validFrames: [[UInt8]] = [
        SAMResponse(status: .noCard).encoded,
        SAMResponse(status: .cardFound, data: [0, 0, 0, 0]).encoded,
        SAMResponse(status: .success, data: [UInt8](repeating: 0, count: 8)).encoded,
        SAMResponse(status: .success, data: [0x01, 0x00, 0x04, 0x00] + [UInt8](repeating: 0x20, count: 1280)).encoded,
    ]

    @Test(arguments: 0..<40)
    func randomStreams(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        // Random bytes biased towards preamble bytes so partial and false preambles are common.
        let alphabet: [UInt8] = [0xAA, 0xAA, 0x96, 0x69, 0x00, 0x04, 0x05, 0x08, 0x90, 0x80]
        let stream = (0..<Int.random(in: 0...6000, using: &generator)).map { _ in
            Bool.random(using: &generator)
                ? alphabet.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
        }
        Self.checkProperties(stream, Self.decodeAll(stream, using: &generator))
    }

    @Test(arguments: 0..<40)
    func mutatedAndTruncatedFrames(seed: UInt64) {
        var generator = SeededGenerator(seed: seed + 1000)
        var stream: [UInt8] = []
        var intact = 0
        for _ in 0..<Int.random(in: 1...12, using: &generator) {
            var frame = Self.validFrames.randomElement(using: &generator)!
            switch Int.random(in: 0..<4, using: &generator) {
            case 0:  // flip one byte
                let index = Int.random(in: 0..<frame.count, using: &generator)
                frame[index] ^= UInt8.random(in: 1...255, using: &generator)
            case 1:  // truncate
                frame = Array(frame.prefix(Int.random(in: 0..<frame.count, using: &generator)))
            case 2:  // garbage before
                frame =
                    (0..<Int.random(in: 1...20, using: &generator)).map { _ in
                        UInt8.random(in: 0...255, using: &generator)
                    } + frame
            default:
                intact += 1
            }
            stream += frame
        }
        let outputs = Self.decodeAll(stream, using: &generator)
        Self.checkProperties(stream, outputs)
    }

    /// Intact frames separated by garbage are all recovered.
    @Test(arguments: 0..<20)
    func intactFramesSurviveNoise(seed: UInt64) {
        var generator = SeededGenerator(seed: seed + 5000)
        var stream: [UInt8] = []
        var expected: [[UInt8]] = []
        for _ in 0..<Int.random(in: 1...8, using: &generator) {
            let noise =
                (0..<Int.random(in: 0...30, using: &generator)).map { _ in
                    [0xAA, 0x96, 0x13, 0x00].randomElement(using: &generator)!
                } as [UInt8]
            let frame = Self.validFrames.randomElement(using: &generator)!
            stream += noise + frame
            expected.append(Array(frame[7..<(frame.count - 1)]))
        }
        let bodies = Self.decodeAll(stream, using: &generator).compactMap { output -> [UInt8]? in
            if case .frame(let body) = output { return body }
            return nil
        }
        #expect(bodies == expected)
    }

    /// A stream with no preamble keeps memory bounded.
    @Test func garbageDoesNotAccumulate() {
        var decoder = FrameDecoder()
        for _ in 0..<100 {
            decoder.append([UInt8](repeating: 0x13, count: 1000))
            #expect(decoder.next() == nil)
        }
        #expect(decoder.pendingCount <= 4)
    }
}
