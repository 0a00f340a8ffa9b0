/// The SAM's own status byte SW3, as a typed outcome. Unknown codes keep their number.
package enum SAMStatus: Sendable, Hashable, CustomStringConvertible {
    /// 0x90: operation succeeded.
    case success
    /// 0x91: this item is empty on the card (e.g. no additional address).
    case emptyItem
    /// 0x9F: find card succeeded.
    case cardFound
    /// 0x10: the SAM saw a bad checksum in our frame.
    case checksumError
    /// 0x11: the SAM saw a bad length in our frame.
    case lengthError
    /// 0x21: unknown command or invalid parameter.
    case commandError
    /// 0x23: unauthorised operation.
    case unauthorisedOperation
    /// 0x24: unrecognised error.
    case unrecognisedError
    /// 0x31: the card failed to authenticate the SAM.
    case cardRejectedSAM
    /// 0x32: the SAM failed to authenticate the card.
    case samRejectedCard
    /// 0x33: information verification error.
    case verificationError
    /// 0x40: unrecognised or wrong card type.
    case wrongCard
    /// 0x41: reading the card failed.
    case readFailed
    /// 0x47: getting a random number failed.
    case randomFailed
    /// 0x60: the SAM's self-test failed; it accepts no command.
    case selfTestFailed
    /// 0x66: the SAM is not authorised.
    case samNotAuthorised
    /// 0x80: no card (find failed) — also the answer of a card already read until it leaves.
    case noCard
    /// 0x81: select failed.
    case selectFailed
    /// Any other code, kept as a number.
    case unknown(UInt8)

    private static let table: [(UInt8, SAMStatus)] = [
        (0x90, .success), (0x91, .emptyItem), (0x9F, .cardFound), (0x10, .checksumError), (0x11, .lengthError),
        (0x21, .commandError), (0x23, .unauthorisedOperation), (0x24, .unrecognisedError),
        (0x31, .cardRejectedSAM), (0x32, .samRejectedCard), (0x33, .verificationError), (0x40, .wrongCard),
        (0x41, .readFailed), (0x47, .randomFailed), (0x60, .selfTestFailed), (0x66, .samNotAuthorised),
        (0x80, .noCard), (0x81, .selectFailed),
    ]

    /// Maps SW3 to its outcome.
    package init(code: UInt8) {
        self = Self.table.first { $0.0 == code }?.1 ?? .unknown(code)
    }

    /// The SW3 byte.
    package var code: UInt8 {
        if case .unknown(let code) = self { return code }
        return Self.table.first { $0.1 == self }!.0
    }

    /// Every named code, for tests and the emulator.
    package static let knownCodes: [UInt8] = table.map(\.0)

    /// `true` for 0x90, 0x91 and 0x9F.
    package var isSuccess: Bool {
        switch self {
        case .success, .emptyItem, .cardFound: true
        default: false
        }
    }

    package var description: String {
        let text =
            switch self {
            case .success: "success"
            case .emptyItem: "item empty on card"
            case .cardFound: "card found"
            case .checksumError: "SAM reports checksum error"
            case .lengthError: "SAM reports length error"
            case .commandError: "SAM reports command error"
            case .unauthorisedOperation: "unauthorised operation"
            case .unrecognisedError: "unrecognised error"
            case .cardRejectedSAM: "card failed to authenticate the SAM"
            case .samRejectedCard: "SAM failed to authenticate the card"
            case .verificationError: "information verification error"
            case .wrongCard: "wrong card type"
            case .readFailed: "card read failed"
            case .randomFailed: "get-random failed"
            case .selfTestFailed: "SAM self-test failed"
            case .samNotAuthorised: "SAM not authorised"
            case .noCard: "no card"
            case .selectFailed: "select failed"
            case .unknown: "unknown status"
            }
        return "\(text) (SW3 0x\(hex(code)))"
    }
}

/// A decoded SAM → host answer: `SW1 SW2 SW3 data…`.
package struct SAMResponse: Sendable, Hashable {
    package let sw1: UInt8
    package let sw2: UInt8
    package let status: SAMStatus
    package let data: [UInt8]

    package init(sw1: UInt8 = 0, sw2: UInt8 = 0, status: SAMStatus, data: [UInt8] = []) {
        self.sw1 = sw1
        self.sw2 = sw2
        self.status = status
        self.data = data
    }

    /// Decodes a response body; `nil` when shorter than the three status bytes.
    package init?(body: [UInt8]) {
        guard body.count >= 3 else { return nil }
        self.init(sw1: body[0], sw2: body[1], status: SAMStatus(code: body[2]), data: Array(body.dropFirst(3)))
    }

    /// The complete response frame.
    package var encoded: [UInt8] { SAMFrame.encode(body: [sw1, sw2, status.code] + data) }
}
