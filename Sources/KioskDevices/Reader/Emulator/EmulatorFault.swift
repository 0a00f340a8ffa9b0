/// A fault the SAM emulator injects into its next answers, for tests and demos.
package enum EmulatorFault: Sendable, Hashable {
    /// Line noise (including a partial preamble) before the next answer.
    case garbageBeforeNextAnswer
    /// The next answer's checksum byte is wrong.
    case badChecksum
    /// The next `count` requests get no answer at all.
    case noAnswer(count: Int)
    /// The next `30 01`/`30 10` answers SW3 0x41 (read failed).
    case readFailure
    /// The next `30 01`/`30 10` sends half its frame, then the card leaves the field.
    case removeMidRead
    /// The next answer carries this SW3 instead of the real one (e.g. 0x60 self-test failure).
    case status(UInt8)

    /// Parses the names used by scripts and `kiosk-devsim`: `garbage`, `bad-checksum`,
    /// `no-answer [N]`, `read-fail`, `remove-mid-read`, `status HH`.
    package init?(words: [String]) {
        guard let first = words.first else { return nil }
        switch first {
        case "garbage": self = .garbageBeforeNextAnswer
        case "bad-checksum": self = .badChecksum
        case "no-answer": self = .noAnswer(count: words.count > 1 ? Int(words[1]) ?? 1 : 1)
        case "read-fail": self = .readFailure
        case "remove-mid-read": self = .removeMidRead
        case "status":
            guard words.count > 1,
                let code = UInt8(words[1].hasPrefix("0x") ? String(words[1].dropFirst(2)) : words[1], radix: 16)
            else { return nil }
            self = .status(code)
        default: return nil
        }
    }
}
