import KioskCore

/// Splits a byte stream into GA/T 467 frames, resynchronising on the preamble `AA AA AA 96 69`.
///
/// Feed bytes with ``append(_:)`` and drain with ``next()``. Garbage before a preamble is skipped;
/// a length below the minimum or beyond the largest legal frame (2321 bytes) is rejected; a frame
/// whose XOR does not match is rejected and never returned. After a rejection the search resumes
/// one byte past the rejected preamble, so a real frame hidden inside the bad one is still found.
/// Memory stays bounded: the buffer never holds more than one maximal frame plus the last read.
package struct FrameDecoder: Sendable {
    /// What ``next()`` yields.
    package enum Output: Sendable, Hashable {
        /// A frame with a good checksum: the bytes between the length field and the checksum.
        case frame(body: [UInt8])
        /// A frame announced a length outside the legal range.
        case badLength(Int)
        /// A complete frame whose checksum did not match.
        case badChecksum
    }

    /// The smallest legal Len value: 3 for requests (CMD PARA CHK), 4 for responses (SW1–3 CHK).
    private let minimumLength: Int
    private var buffer: [UInt8] = []
    private var start = 0

    /// - Parameter minimumLength: 4 to decode SAM responses (default), 3 to decode host requests.
    package init(minimumLength: Int = 4) {
        self.minimumLength = minimumLength
    }

    /// Bytes received but not consumed yet.
    package var pendingCount: Int { buffer.count - start }

    /// Adds received bytes.
    package mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Forgets everything received so far.
    package mutating func reset() {
        // Zeroed, not just emptied: the bytes may be a card's text block (rule R5).
        buffer.withUnsafeMutableBytes { SecureWipe.zero($0) }
        buffer.removeAll(keepingCapacity: true)
        start = 0
    }

    /// The next frame or rejection, or `nil` when more bytes are needed.
    package mutating func next() -> Output? {
        defer { compact() }
        guard let found = findPreamble() else {
            // Keep at most a partial preamble (4 bytes) for the next append.
            start = max(start, buffer.count - (SAMFrame.preamble.count - 1))
            return nil
        }
        start = found
        guard buffer.count - start >= SAMFrame.headerSize else { return nil }
        let length = Int(buffer[start + 5]) << 8 | Int(buffer[start + 6])
        guard length >= minimumLength, SAMFrame.headerSize + length <= SAMFrame.maximumFrameSize else {
            start += 1
            return .badLength(length)
        }
        let end = start + SAMFrame.headerSize + length
        guard buffer.count >= end else { return nil }
        let checksum = SAMFrame.xor(buffer[(start + 5)..<(end - 1)])
        guard checksum == buffer[end - 1] else {
            start += 1
            return .badChecksum
        }
        let body = Array(buffer[(start + SAMFrame.headerSize)..<(end - 1)])
        start = end
        return .frame(body: body)
    }

    /// Index of the next complete preamble at or after `start`, or `nil`.
    private func findPreamble() -> Int? {
        let preamble = SAMFrame.preamble
        var index = start
        while index + preamble.count <= buffer.count {
            if buffer[index] == 0xAA, buffer[index + 1] == 0xAA, buffer[index + 2] == 0xAA,
                buffer[index + 3] == 0x96, buffer[index + 4] == 0x69
            {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Drops consumed bytes once they dominate the buffer.
    private mutating func compact() {
        if start > 0 && (start >= buffer.count || start >= 4096) {
            // Moving the rest down would leave the consumed bytes behind in the spare capacity.
            let rest = Array(buffer[start...])
            SecureWipe.wipe(&buffer)
            buffer = rest
            start = 0
        }
    }
}
