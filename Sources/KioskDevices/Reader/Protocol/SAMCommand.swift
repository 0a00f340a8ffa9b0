/// A host → SAM request: command, parameter and optional data.
package struct SAMCommand: Sendable, Hashable, CustomStringConvertible {
    package let command: UInt8
    package let parameter: UInt8
    package let data: [UInt8]

    package init(command: UInt8, parameter: UInt8, data: [UInt8] = []) {
        self.command = command
        self.parameter = parameter
        self.data = data
    }

    /// Decodes a request body (`CMD PARA data…`); `nil` when shorter than two bytes.
    package init?(body: [UInt8]) {
        guard body.count >= 2 else { return nil }
        self.init(command: body[0], parameter: body[1], data: Array(body.dropFirst(2)))
    }

    /// `10 FF`: reset the SAM.
    package static let reset = SAMCommand(command: 0x10, parameter: 0xFF)
    /// `11 FF`: SAM status check.
    package static let status = SAMCommand(command: 0x11, parameter: 0xFF)
    /// `12 FF`: read the SAM's management information (its id).
    package static let samID = SAMCommand(command: 0x12, parameter: 0xFF)
    /// `20 01`: find a card in the field.
    package static let findCard = SAMCommand(command: 0x20, parameter: 0x01)
    /// `20 02`: select the card found.
    package static let selectCard = SAMCommand(command: 0x20, parameter: 0x02)
    /// `30 01`: read the 256-byte text and the 1024-byte photo.
    package static let readText = SAMCommand(command: 0x30, parameter: 0x01)
    /// `30 10`: read text, photo and fingerprint.
    package static let readTextWithFingerprint = SAMCommand(command: 0x30, parameter: 0x10)
    /// `30 03`: read the additional (latest) address.
    package static let readAdditionalAddress = SAMCommand(command: 0x30, parameter: 0x03)

    /// `60 0x`: switch the SAM's UART speed (00 = 115200 … 04 = 9600).
    package static func setBaudRate(_ rate: BaudRate) -> SAMCommand {
        SAMCommand(command: 0x60, parameter: UInt8(BaudRate.supported.firstIndex(of: rate.rawValue) ?? 0))
    }

    /// `61 FF nn`: the largest number of bytes per RF frame between SAM and antenna.
    package static func setMaximumRFFrame(_ bytes: UInt8) -> SAMCommand {
        SAMCommand(command: 0x61, parameter: 0xFF, data: [bytes])
    }

    /// The complete request frame.
    package var encoded: [UInt8] { SAMFrame.encode(body: [command, parameter] + data) }

    /// `CMD PARA` in hex, e.g. `20 01`.
    package var description: String {
        ([command, parameter] + data).map { hex($0) }.joined(separator: " ")
    }
}

/// Two upper-case hex digits.
func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}
