/// Decodes the bytes a terminal sends into ``InputEvent``s: a pure, incremental state machine.
///
/// Feed it bytes as they arrive with ``feed(_:now:)``; call ``flush(now:)`` when ``deadline`` has passed (the
/// session does this from its read loop) so a lone ESC becomes the Escape key after ``escapeTimeout`` and a
/// truncated sequence is dropped. Times are any monotonic `Duration` (time since start), so tests never sleep.
///
/// Malformed or unknown sequences are dropped without losing sync, and no more than ``maxPendingBytes`` bytes are
/// ever kept between calls. Bracketed pastes are counted, not stored, and end after ``maxPasteBytes`` bytes or
/// ``pasteIdleTimeout`` without input even when the terminator never comes.
package struct InputDecoder: Sendable {
    /// How long a lone ESC waits for the rest of a sequence.
    package var escapeTimeout: Duration
    /// How long a bracketed paste may stall before it is considered finished.
    package var pasteIdleTimeout: Duration = .seconds(1)
    /// The longest incomplete sequence kept between calls; longer ones are dropped.
    package static let maxPendingBytes = 256
    /// The longest bracketed paste swallowed before normal decoding resumes.
    package static let maxPasteBytes = 1 << 20

    private var pending: [UInt8] = []
    private var lastInput: Duration?
    private var paste: PasteState?

    /// Progress through a bracketed paste: bytes swallowed and how much of the terminator matched.
    private struct PasteState: Sendable {
        var byteCount = 0
        var matched = 0
    }

    private static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)

    /// Creates a decoder with the given escape timeout (default 50 ms).
    package init(escapeTimeout: Duration = .milliseconds(50)) {
        self.escapeTimeout = escapeTimeout
    }

    /// The number of bytes held back, waiting for the rest of a sequence (never above ``maxPendingBytes``).
    package var bufferedByteCount: Int { pending.count }

    /// Whether a bracketed paste is being swallowed.
    package var isInPaste: Bool { paste != nil }

    /// When ``flush(now:)`` should be called, or nil when nothing is waiting.
    package var deadline: Duration? {
        guard let lastInput else { return nil }
        if paste != nil { return lastInput + pasteIdleTimeout }
        return pending.isEmpty ? nil : lastInput + escapeTimeout
    }

    /// Decodes `bytes` received at `now`.
    /// - Returns: the events completed by these bytes, in order.
    package mutating func feed(_ bytes: some Sequence<UInt8>, now: Duration) -> [InputEvent] {
        lastInput = now
        pending.append(contentsOf: bytes)
        var events: [InputEvent] = []
        decode(into: &events, final: false)
        return events
    }

    /// Resolves what is pending once the timeout has passed: a lone ESC becomes the Escape key, a truncated
    /// sequence is dropped, a stalled paste ends.
    /// - Returns: the resulting events (empty when the deadline has not passed yet).
    package mutating func flush(now: Duration) -> [InputEvent] {
        guard let deadline, now >= deadline else { return [] }
        var events: [InputEvent] = []
        if let state = paste {
            paste = nil
            events.append(.paste(byteCount: state.byteCount))
        }
        decode(into: &events, final: true)
        pending.removeAll(keepingCapacity: true)
        return events
    }

    // MARK: - Decoding

    /// Decodes as much of `pending` as possible. With `final`, incomplete sequences are resolved instead of kept.
    private mutating func decode(into events: inout [InputEvent], final: Bool) {
        var index = 0
        var text = String.UnicodeScalarView()
        let bytes = pending
        func flushText() {
            guard !text.isEmpty else { return }
            for character in String(text) { events.append(.key(KeyPress(.character(character)))) }
            text.removeAll()
        }
        while index < bytes.count {
            if paste != nil {
                index = swallowPaste(bytes, from: index, into: &events)
                continue
            }
            let result = Self.parse(bytes, at: index, final: final)
            switch result {
            case .incomplete:
                if bytes.count - index > Self.maxPendingBytes {
                    index = bytes.count  // an over-long sequence: drop it
                }
                flushText()
                pending = Array(bytes[index...])
                return
            case .drop(let count):
                index += count
            case .scalar(let scalar, let count):
                text.append(scalar)
                index += count
            case .event(let event, let count):
                flushText()
                events.append(event)
                index += count
            case .pasteStart(let count):
                flushText()
                paste = PasteState()
                index += count
            }
        }
        flushText()
        pending.removeAll(keepingCapacity: true)
    }

    /// Counts paste bytes until the `CSI 201~` terminator or the size limit.
    private mutating func swallowPaste(_ bytes: [UInt8], from start: Int, into events: inout [InputEvent]) -> Int {
        guard var state = paste else { return start }
        var index = start
        let terminator = Self.pasteEnd
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == terminator[state.matched] {
                state.matched += 1
                if state.matched == terminator.count {
                    paste = nil
                    events.append(.paste(byteCount: state.byteCount))
                    return index
                }
            } else {
                state.byteCount += state.matched + (byte == 0x1B ? 0 : 1)
                state.matched = byte == 0x1B ? 1 : 0
            }
            if state.byteCount >= Self.maxPasteBytes {
                paste = nil
                events.append(.paste(byteCount: state.byteCount))
                return index
            }
        }
        paste = state
        return index
    }

    /// What one step of parsing found at an offset.
    private enum Step {
        case incomplete
        case drop(Int)
        case scalar(Unicode.Scalar, Int)
        case event(InputEvent, Int)
        case pasteStart(Int)
    }

    /// A key event consuming `count` bytes.
    private static func key(_ key: Key, _ modifiers: Modifiers = [], _ count: Int) -> Step {
        .event(.key(KeyPress(key, modifiers: modifiers)), count)
    }

    /// Parses one token at `start`.
    private static func parse(_ bytes: [UInt8], at start: Int, final: Bool) -> Step {
        let byte = bytes[start]
        switch byte {
        case 0x1B:
            return parseEscape(bytes, at: start, final: final)
        case 0x0D, 0x0A:
            return key(.enter, [], 1)
        case 0x09:
            return key(.tab, [], 1)
        case 0x7F, 0x08:
            return key(.backspace, [], 1)
        case 0x00:
            return key(.control("@"), [], 1)
        case 0x01...0x1A:
            return key(.control(Character(Unicode.Scalar(byte + 0x60))), [], 1)
        case 0x1C...0x1F:
            return key(.control(Character(Unicode.Scalar(byte + 0x40))), [], 1)
        case 0x20...0x7E:
            return .scalar(Unicode.Scalar(byte), 1)
        default:
            return parseUTF8(bytes, at: start, final: final)
        }
    }

    /// Decodes one UTF-8 scalar; invalid bytes are dropped one at a time.
    private static func parseUTF8(_ bytes: [UInt8], at start: Int, final: Bool) -> Step {
        let lead = bytes[start]
        let length: Int
        let minimum: UInt32
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: (length, minimum, value) = (2, 0x80, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (length, minimum, value) = (3, 0x800, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (length, minimum, value) = (4, 0x10000, UInt32(lead & 0x07))
        default: return .drop(1)
        }
        for offset in 1..<length {
            guard start + offset < bytes.count else { return final ? .drop(bytes.count - start) : .incomplete }
            let next = bytes[start + offset]
            guard next & 0xC0 == 0x80 else { return .drop(offset) }
            value = value << 6 | UInt32(next & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return .drop(length) }
        return .scalar(scalar, length)
    }

    /// Parses what follows an ESC: CSI, SS3, string sequences (dropped), Alt+key or the Escape key.
    private static func parseEscape(_ bytes: [UInt8], at start: Int, final: Bool) -> Step {
        guard start + 1 < bytes.count else { return final ? key(.escape, [], 1) : .incomplete }
        let next = bytes[start + 1]
        switch next {
        case UInt8(ascii: "["):
            return parseCSI(bytes, at: start, final: final)
        case UInt8(ascii: "O"):
            return parseSS3(bytes, at: start, final: final)
        case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "^"), UInt8(ascii: "X"):
            return skipString(bytes, at: start, final: final)
        case 0x1B:
            return key(.escape, [], 1)
        case 0x0D:
            return key(.enter, .alt, 2)
        case 0x7F, 0x08:
            return key(.backspace, .alt, 2)
        case 0x09:
            return key(.tab, .alt, 2)
        case 0x01...0x1A:
            return key(.control(Character(Unicode.Scalar(next + 0x60))), .alt, 2)
        case 0x20...0x7E:
            return key(.character(Character(Unicode.Scalar(next))), .alt, 2)
        default:
            return key(.escape, [], 1)
        }
    }

    /// Skips an OSC/DCS/APC/PM/SOS string up to BEL or ST (`ESC \`).
    private static func skipString(_ bytes: [UInt8], at start: Int, final: Bool) -> Step {
        var index = start + 2
        while index < bytes.count {
            if bytes[index] == 0x07 { return .drop(index + 1 - start) }
            if bytes[index] == 0x1B {
                guard index + 1 < bytes.count else { break }
                return .drop(bytes[index + 1] == UInt8(ascii: "\\") ? index + 2 - start : index - start)
            }
            index += 1
        }
        return final ? .drop(bytes.count - start) : .incomplete
    }

    /// Parses `ESC O [digits] final`.
    private static func parseSS3(_ bytes: [UInt8], at start: Int, final: Bool) -> Step {
        var index = start + 2
        var modifier = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, index - start < 8 {
            modifier = modifier * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        guard index < bytes.count else { return final ? .drop(bytes.count - start) : .incomplete }
        let finalByte = bytes[index]
        let count = index + 1 - start
        let modifiers = Modifiers(xtermParameter: modifier)
        if let cursor = cursorKey(finalByte) { return key(cursor, modifiers, count) }
        switch finalByte {
        case UInt8(ascii: "M"): return key(.keypadEnter, modifiers, count)
        case UInt8(ascii: "p")...UInt8(ascii: "y"):
            return key(.keypad(Character(Unicode.Scalar(finalByte - 0x40))), modifiers, count)
        case UInt8(ascii: "j"): return key(.keypad("*"), modifiers, count)
        case UInt8(ascii: "k"): return key(.keypad("+"), modifiers, count)
        case UInt8(ascii: "l"): return key(.keypad(","), modifiers, count)
        case UInt8(ascii: "m"): return key(.keypad("-"), modifiers, count)
        case UInt8(ascii: "n"): return key(.keypad("."), modifiers, count)
        case UInt8(ascii: "o"): return key(.keypad("/"), modifiers, count)
        case UInt8(ascii: "X"): return key(.keypad("="), modifiers, count)
        case 0x40...0x7E: return .drop(count)
        default: return .drop(index - start)  // not a final byte: drop the prefix, re-read this byte
        }
    }

    /// The key a final byte means after both `ESC O` and `ESC [`: arrows, Home/End (`H`/`F`) and
    /// F1–F4 (`P`–`S`); nil for any other byte.
    private static func cursorKey(_ finalByte: UInt8) -> Key? {
        switch finalByte {
        case UInt8(ascii: "A"): .up
        case UInt8(ascii: "B"): .down
        case UInt8(ascii: "C"): .right
        case UInt8(ascii: "D"): .left
        case UInt8(ascii: "H"): .home
        case UInt8(ascii: "F"): .end
        case UInt8(ascii: "P")...UInt8(ascii: "S"): .function(Int(finalByte) - 0x4F)
        default: nil
        }
    }

    /// The longest CSI sequence accepted; longer ones are dropped.
    private static let maxCSILength = 64

    /// Parses `ESC [ [marker] params [intermediates] final`.
    private static func parseCSI(_ bytes: [UInt8], at start: Int, final: Bool) -> Step {
        var index = start + 2
        // Linux console F1–F5: ESC [ [ A…E.
        if index < bytes.count, bytes[index] == UInt8(ascii: "[") {
            guard index + 1 < bytes.count else { return final ? .drop(bytes.count - start) : .incomplete }
            let letter = bytes[index + 1]
            if letter >= UInt8(ascii: "A") && letter <= UInt8(ascii: "E") {
                return key(.function(Int(letter) - 0x40), [], 4)
            }
            return .drop(3)
        }
        // Legacy X10 mouse report `CSI M b x y` (from a terminal that ignores 1006): three raw bytes follow.
        if index < bytes.count, bytes[index] == UInt8(ascii: "M") {
            guard index + 3 < bytes.count else { return final ? .drop(bytes.count - start) : .incomplete }
            let code = Int(bytes[index + 1]) - 32
            let x = Int(bytes[index + 2]) - 33
            let y = Int(bytes[index + 3]) - 33
            guard code >= 0, x >= 0, y >= 0, code & 32 == 0 else { return .drop(6) }
            let release = code & 3 == 3
            let mouse = mouseEvent([release ? code & ~3 : code, x + 1, y + 1], release: release)
            return mouse.map { .event(.mouse($0), 6) } ?? .drop(6)
        }
        var marker: UInt8 = 0
        var params: [Int] = []
        var current: Int?
        var intermediate: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if index - start >= maxCSILength { return .drop(index - start) }
            switch byte {
            case 0x30...0x39:
                guard intermediate == 0 else { return .drop(index - start) }
                current = min((current ?? 0) * 10 + Int(byte - 0x30), 1_000_000)
            case UInt8(ascii: ";"), UInt8(ascii: ":"):
                guard intermediate == 0 else { return .drop(index - start) }
                params.append(current ?? 0)
                current = nil
            case 0x3C...0x3F:
                guard index == start + 2 else { return .drop(index - start) }
                marker = byte
            case 0x20...0x2F:
                intermediate = byte
            case 0x40...0x7E:
                if let current { params.append(current) }
                return dispatchCSI(
                    marker: marker,
                    params: params,
                    intermediate: intermediate,
                    final: byte,
                    count: index + 1 - start
                )
            default:
                return .drop(index - start)  // drop the broken prefix, re-read this byte as new input
            }
            index += 1
        }
        return final ? .drop(bytes.count - start) : .incomplete
    }

    /// Turns a complete CSI sequence into an event (or drops it).
    private static func dispatchCSI(
        marker: UInt8,
        params: [Int],
        intermediate: UInt8,
        final: UInt8,
        count: Int
    )
        -> Step
    {
        func parameter(_ index: Int, default value: Int) -> Int {
            index < params.count && params[index] != 0 ? params[index] : value
        }
        switch (marker, intermediate) {
        case (UInt8(ascii: "<"), 0):
            guard final == UInt8(ascii: "M") || final == UInt8(ascii: "m"), params.count == 3,
                let mouse = mouseEvent(params, release: final == UInt8(ascii: "m"))
            else { return .drop(count) }
            return .event(.mouse(mouse), count)
        case (UInt8(ascii: "?"), UInt8(ascii: "$")):
            guard final == UInt8(ascii: "y"), params.count == 2 else { return .drop(count) }
            return .event(.modeReport(mode: params[0], setting: params[1]), count)
        case (UInt8(ascii: "?"), 0):
            guard final == UInt8(ascii: "c") else { return .drop(count) }
            return .event(.deviceAttributes(params), count)
        case (0, 0):
            break
        default:
            return .drop(count)
        }
        let modifiers = Modifiers(xtermParameter: parameter(1, default: 1))
        if let cursor = cursorKey(final) { return key(cursor, modifiers, count) }
        switch final {
        case UInt8(ascii: "Z"): return key(.backTab, modifiers, count)
        case UInt8(ascii: "~"):
            let keys: [Int: Key] = [
                1: .home, 2: .insert, 3: .delete, 4: .end, 5: .pageUp, 6: .pageDown, 7: .home, 8: .end,
                11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
                17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
                23: .function(11), 24: .function(12),
            ]
            let number = parameter(0, default: 0)
            if number == 200 { return .pasteStart(count) }
            guard let key = keys[number] else { return .drop(count) }
            return Self.key(key, modifiers, count)
        default:
            return .drop(count)
        }
    }

    /// Decodes SGR mouse parameters `b;x;y`; motion and out-of-range reports give nil.
    private static func mouseEvent(_ params: [Int], release: Bool) -> MouseEvent? {
        let code = params[0]
        guard code & 32 == 0, params[1] >= 1, params[2] >= 1 else { return nil }
        var modifiers: Modifiers = []
        if code & 4 != 0 { modifiers.insert(.shift) }
        if code & 8 != 0 { modifiers.insert(.alt) }
        if code & 16 != 0 { modifiers.insert(.control) }
        let button: MouseEvent.Button
        switch code & ~(4 | 8 | 16) {
        case 0: button = .left
        case 1: button = .middle
        case 2: button = .right
        case 64: button = .wheelUp
        case 65: button = .wheelDown
        case let other: button = .other(other)
        }
        return MouseEvent(
            kind: release ? .release : .press,
            button: button,
            position: Point(x: params[1] - 1, y: params[2] - 1),
            modifiers: modifiers
        )
    }
}
