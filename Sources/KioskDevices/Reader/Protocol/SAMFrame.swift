/// Constants and arithmetic of the GA/T 467 envelope: `AA AA AA 96 69 | Len(2, BE) | body | CHK`.
package enum SAMFrame {
    /// The five-byte preamble that starts every frame in both directions.
    package static let preamble: [UInt8] = [0xAA, 0xAA, 0xAA, 0x96, 0x69]
    /// The largest legal frame: 30 10 with a 1024-byte fingerprint, 2321 bytes in all.
    package static let maximumFrameSize = 2321
    /// Bytes before the counted part: preamble and the two length bytes.
    package static let headerSize = 7

    /// XOR of `bytes`: the checksum covers Len1 through the byte before CHK.
    package static func xor(_ bytes: some Sequence<UInt8>) -> UInt8 {
        bytes.reduce(0, ^)
    }

    /// Wraps `body` (request: CMD PARA data; response: SW1 SW2 SW3 data) in a complete frame.
    package static func encode(body: [UInt8]) -> [UInt8] {
        let length = body.count + 1
        let lengthBytes: [UInt8] = [UInt8(length >> 8), UInt8(length & 0xFF)]
        let checksum = xor(lengthBytes) ^ xor(body)
        return preamble + lengthBytes + body + [checksum]
    }
}
