import Testing

@testable import KioskTerminal

/// Decoding a table of byte sequences, fed whole and split at every byte boundary.
@Suite struct InputDecoderTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let bytes: [UInt8]
        let events: [InputEvent]
        var testDescription: String {
            bytes.map { $0 >= 0x20 && $0 < 0x7F ? String(UnicodeScalar($0)) : "\\x\(String($0, radix: 16))" }.joined()
        }

        init(_ text: String, _ events: [InputEvent]) {
            self.bytes = Array(text.utf8)
            self.events = events
        }

        init(bytes: [UInt8], _ events: [InputEvent]) {
            self.bytes = bytes
            self.events = events
        }
    }

    static func key(_ key: Key, _ modifiers: Modifiers = []) -> InputEvent { .key(KeyPress(key, modifiers: modifiers)) }
    static func text(_ string: String) -> [InputEvent] { string.map { key(.character($0)) } }

    static let cases: [Case] = [
        Case("a", text("a")),
        Case("中文", text("中文")),
        Case("𠮷", text("𠮷")),
        Case("e\u{301}", text("e\u{301}")),
        Case("\r", [key(.enter)]),
        Case("\t", [key(.tab)]),
        Case(bytes: [0x7F], [key(.backspace)]),
        Case(bytes: [0x08], [key(.backspace)]),
        Case(bytes: [0x03], [key(.control("c"))]),
        Case(bytes: [0x1A], [key(.control("z"))]),
        Case("\u{1B}[A", [key(.up)]),
        Case("\u{1B}[B", [key(.down)]),
        Case("\u{1B}[C", [key(.right)]),
        Case("\u{1B}[D", [key(.left)]),
        Case("\u{1B}OA", [key(.up)]),
        Case("\u{1B}[1;5C", [key(.right, .control)]),
        Case("\u{1B}[1;2A", [key(.up, .shift)]),
        Case("\u{1B}[H", [key(.home)]),
        Case("\u{1B}[F", [key(.end)]),
        Case("\u{1B}OH", [key(.home)]),
        Case("\u{1B}[1~", [key(.home)]),
        Case("\u{1B}[4~", [key(.end)]),
        Case("\u{1B}[2~", [key(.insert)]),
        Case("\u{1B}[3~", [key(.delete)]),
        Case("\u{1B}[5~", [key(.pageUp)]),
        Case("\u{1B}[6~", [key(.pageDown)]),
        Case("\u{1B}OP", [key(.function(1))]),
        Case("\u{1B}OS", [key(.function(4))]),
        Case("\u{1B}[15~", [key(.function(5))]),
        Case("\u{1B}[17~", [key(.function(6))]),
        Case("\u{1B}[21~", [key(.function(10))]),
        Case("\u{1B}[23~", [key(.function(11))]),
        Case("\u{1B}[24~", [key(.function(12))]),
        Case("\u{1B}[[A", [key(.function(1))]),
        Case("\u{1B}[Z", [key(.backTab)]),
        Case("\u{1B}Op\u{1B}Oq\u{1B}Oy", [key(.keypad("0")), key(.keypad("1")), key(.keypad("9"))]),
        Case("\u{1B}OM", [key(.keypadEnter)]),
        Case(
            "\u{1B}Ok\u{1B}Om\u{1B}Oj\u{1B}Oo\u{1B}On",
            [
                key(.keypad("+")), key(.keypad("-")), key(.keypad("*")), key(.keypad("/")), key(.keypad(".")),
            ]
        ),
        Case("\u{1B}x", [key(.character("x"), .alt)]),
        Case("\u{1B}[<0;10;5M", [.mouse(MouseEvent(kind: .press, button: .left, position: Point(x: 9, y: 4)))]),
        Case("\u{1B}[<0;10;5m", [.mouse(MouseEvent(kind: .release, button: .left, position: Point(x: 9, y: 4)))]),
        Case("\u{1B}[<2;1;1M", [.mouse(MouseEvent(kind: .press, button: .right, position: .zero))]),
        Case("\u{1B}[<64;3;4M", [.mouse(MouseEvent(kind: .press, button: .wheelUp, position: Point(x: 2, y: 3)))]),
        Case(
            "\u{1B}[<16;3;4M",
            [
                .mouse(MouseEvent(kind: .press, button: .left, position: Point(x: 2, y: 3), modifiers: .control))
            ]
        ),
        Case("\u{1B}[M *%", [.mouse(MouseEvent(kind: .press, button: .left, position: Point(x: 9, y: 4)))]),  // X10
        Case("\u{1B}[M#*%", [.mouse(MouseEvent(kind: .release, button: .left, position: Point(x: 9, y: 4)))]),
        Case("\u{1B}[<32;10;5M", []),  // motion with the left button held: ignored
        Case("\u{1B}[<35;10;5M", []),  // motion without a button: ignored
        Case("\u{1B}[?2026;2$y", [.modeReport(mode: 2026, setting: 2)]),
        Case("\u{1B}[?2026;0$y", [.modeReport(mode: 2026, setting: 0)]),
        Case("\u{1B}[?62;22c", [.deviceAttributes([62, 22])]),
        Case("\u{1B}[?6c", [.deviceAttributes([6])]),
        Case("\u{1B}[200~secret 身份证\u{1B}[201~a", [.paste(byteCount: 16), key(.character("a"))]),
        Case("\u{1B}[200~\u{1B}[A\u{1B}[201~", [.paste(byteCount: 3)]),
        Case("\u{1B}[99X", []),  // unknown CSI: dropped
        Case("\u{1B}[12;34;56;78z", []),
        Case("\u{1B}]0;title\u{07}b", text("b")),  // OSC string skipped
        Case("\u{1B}[1\u{03}", [key(.control("c"))]),  // broken CSI: dropped, the control byte survives
        Case(bytes: [0xFF, 0x61], text("a")),  // invalid UTF-8 dropped
        Case(bytes: [0xE4, 0xB8, 0x61], text("a")),  // truncated UTF-8 dropped
        Case(bytes: [0xC0, 0x80, 0x62], text("b")),  // overlong encoding dropped
    ]

    @Test(arguments: cases)
    func decodesWholeInput(_ testCase: Case) {
        var decoder = InputDecoder()
        let events = decoder.feed(testCase.bytes, now: .zero)
        #expect(events == testCase.events)
        #expect(decoder.bufferedByteCount == 0)
        #expect(decoder.flush(now: .seconds(10)).isEmpty)
    }

    @Test(arguments: cases)
    func decodesInputSplitAtEveryBoundary(_ testCase: Case) {
        for split in 1..<max(1, testCase.bytes.count) {
            var decoder = InputDecoder()
            var events = decoder.feed(testCase.bytes[..<split], now: .zero)
            events += decoder.feed(testCase.bytes[split...], now: .milliseconds(1))
            events += decoder.flush(now: .seconds(10))
            // Text split between feeds may break one grapheme cluster into two events; compare the text then.
            #expect(Self.normalized(events) == Self.normalized(testCase.events), "split at \(split)")
        }
    }

    @Test(arguments: cases)
    func decodesInputFedOneByteAtATime(_ testCase: Case) {
        var decoder = InputDecoder()
        var events: [InputEvent] = []
        for (offset, byte) in testCase.bytes.enumerated() {
            events += decoder.feed([byte], now: .milliseconds(Int64(offset)))
            events += decoder.flush(now: .milliseconds(Int64(offset)))  // before the deadline: nothing
        }
        events += decoder.flush(now: .seconds(10))
        #expect(Self.normalized(events) == Self.normalized(testCase.events))
    }

    /// Joins consecutive character events into one string so cluster splits across reads compare equal.
    static func normalized(_ events: [InputEvent]) -> [String] {
        var result: [String] = []
        var text = ""
        for event in events {
            if case .key(let press) = event, press.modifiers.isEmpty, case .character(let character) = press.key {
                text.append(character)
                continue
            }
            if !text.isEmpty { result.append("text:" + text) }
            text = ""
            result.append(String(describing: event))
        }
        if !text.isEmpty { result.append("text:" + text) }
        return result
    }

    @Test func loneEscapeBecomesEscapeAfterTimeout() {
        var decoder = InputDecoder(escapeTimeout: .milliseconds(50))
        #expect(decoder.feed([0x1B], now: .milliseconds(100)).isEmpty)
        #expect(decoder.deadline == .milliseconds(150))
        #expect(decoder.flush(now: .milliseconds(149)).isEmpty)
        #expect(decoder.flush(now: .milliseconds(150)) == [Self.key(.escape)])
        #expect(decoder.deadline == nil)
    }

    @Test func escapeFollowedInTimeIsASequence() {
        var decoder = InputDecoder(escapeTimeout: .milliseconds(50))
        #expect(decoder.feed([0x1B], now: .zero).isEmpty)
        #expect(decoder.feed(Array("[A".utf8), now: .milliseconds(10)) == [Self.key(.up)])
    }

    @Test func truncatedSequenceIsDroppedAtTimeout() {
        var decoder = InputDecoder()
        #expect(decoder.feed(Array("\u{1B}[1;".utf8), now: .zero).isEmpty)
        #expect(decoder.flush(now: .seconds(1)).isEmpty)
        #expect(decoder.feed(Array("a".utf8), now: .seconds(2)) == Self.text("a"))
    }

    @Test func unterminatedPasteEndsWhenIdle() {
        var decoder = InputDecoder()
        #expect(decoder.feed(Array("\u{1B}[200~abc".utf8), now: .zero).isEmpty)
        #expect(decoder.isInPaste)
        #expect(decoder.flush(now: .milliseconds(999)).isEmpty)
        #expect(decoder.flush(now: .seconds(1)) == [.paste(byteCount: 3)])
        #expect(decoder.feed(Array("x".utf8), now: .seconds(2)) == Self.text("x"))
    }

    @Test func overlongPasteEndsAtTheLimit() {
        var decoder = InputDecoder()
        _ = decoder.feed(Array("\u{1B}[200~".utf8), now: .zero)
        let chunk = [UInt8](repeating: UInt8(ascii: "p"), count: 64 * 1024)
        var events: [InputEvent] = []
        for _ in 0..<(InputDecoder.maxPasteBytes / chunk.count + 1) {
            events += decoder.feed(chunk, now: .zero)
        }
        #expect(events.first == .paste(byteCount: InputDecoder.maxPasteBytes))
        #expect(!decoder.isInPaste)
    }

    @Test func overlongStringSequenceIsBounded() {
        var decoder = InputDecoder()
        let osc = Array("\u{1B}]".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 10_000)
        _ = decoder.feed(osc, now: .zero)
        #expect(decoder.bufferedByteCount <= InputDecoder.maxPendingBytes)
    }
}
