import KioskCore

/// The SAM's commands as typed calls over a ``SAMTransport``.
package struct SAMClient: Sendable {
    package let transport: any SAMTransport
    /// Deadline of short commands (status, find, select).
    package var commandTimeout: Duration
    /// Deadline of a card read (`30 01`), 3 s by default.
    package var readTimeout: Duration

    package init(
        transport: any SAMTransport, commandTimeout: Duration = .milliseconds(500), readTimeout: Duration = .seconds(3)
    ) {
        self.transport = transport
        self.commandTimeout = commandTimeout
        self.readTimeout = readTimeout
    }

    /// `11 FF`: the SAM's status (``SAMStatus/success`` when healthy). Any answer is returned.
    package func status() async throws -> SAMStatus {
        try await transport.exchange(.status, timeout: commandTimeout).status
    }

    /// `12 FF`: the SAM's id, formatted `05.01-20150101-0012345678-1234567890`.
    package func samID() async throws -> String {
        let response = try await transport.exchange(.samID, timeout: commandTimeout)
        guard response.status == .success else { throw ReaderError.unexpectedStatus(.samID, response.status) }
        guard let text = Self.formatSAMID(response.data) else {
            throw ReaderError.malformed(.samID, "\(response.data.count) data bytes, expected 16")
        }
        return text
    }

    /// Formats the 16 data bytes of `12 FF`: two LE uint16 as `DD.DD`, then three LE uint32.
    package static func formatSAMID(_ data: [UInt8]) -> String? {
        guard data.count >= 16 else { return nil }
        func uint(_ offset: Int, _ size: Int) -> UInt64 {
            (0..<size).reduce(0) { $0 | UInt64(data[offset + $1]) << (8 * UInt64($1)) }
        }
        return uint(0, 2).zeroPadded(2) + "." + uint(2, 2).zeroPadded(2) + "-" + uint(4, 4).zeroPadded(8) + "-"
            + uint(8, 4).zeroPadded(10) + "-" + uint(12, 4).zeroPadded(10)
    }

    /// `20 01`: `true` when a fresh card answers (0x9F), `false` for 0x80 (none, or already read).
    package func findCard() async throws -> Bool {
        let response = try await transport.exchange(.findCard, timeout: commandTimeout)
        switch response.status {
        case .cardFound: return true
        case .noCard: return false
        default: throw ReaderError.unexpectedStatus(.findCard, response.status)
        }
    }

    /// `20 02`: `true` when a card is selected (0x90), `false` for 0x81 (no card in the field).
    package func selectCard() async throws -> Bool {
        let response = try await transport.exchange(.selectCard, timeout: commandTimeout)
        switch response.status {
        case .success: return true
        case .selectFailed: return false
        default: throw ReaderError.unexpectedStatus(.selectCard, response.status)
        }
    }

    /// `30 01`: reads text and photo and decodes the identity.
    /// - Throws: ``ReaderError``: timeout after ``readTimeout``, unexpected status (e.g. 0x41), malformed.
    package func readCard() async throws -> Identity {
        let response = try await transport.exchange(.readText, timeout: readTimeout)
        guard response.status == .success else { throw ReaderError.unexpectedStatus(.readText, response.status) }
        return try Self.decodeReadData(response.data, command: .readText)
    }

    /// Decodes `textLen(2) photoLen(2) [fpLen(2)] text photo [fp]` (lengths big-endian).
    package static func decodeReadData(_ data: [UInt8], command: SAMCommand) throws -> Identity {
        let header = command == .readTextWithFingerprint ? 6 : 4
        guard data.count >= header else { throw ReaderError.malformed(command, "missing length words") }
        let textLength = Int(data[0]) << 8 | Int(data[1])
        let photoLength = Int(data[2]) << 8 | Int(data[3])
        guard textLength == CardTextBlock.size, photoLength <= CardTextBlock.photoSize,
            data.count >= header + textLength + photoLength
        else {
            throw ReaderError.malformed(command, "text \(textLength) / photo \(photoLength) bytes in \(data.count)")
        }
        var text = Array(data[header..<(header + textLength)])
        defer { SecureWipe.wipe(&text) }
        let photo = Array(data[(header + textLength)..<(header + textLength + photoLength)])
        return CardTextBlock.identity(text: text, photo: photo)
    }
}
