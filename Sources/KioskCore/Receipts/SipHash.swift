/// SipHash-2-4 (Aumasson & Bernstein, 2012): a keyed pseudo-random function with a 128-bit key and a
/// 64-bit output, designed as a MAC for short messages.
///
/// Used for receipt QR tokens (``ReceiptToken``) because no cryptographic package is available; the
/// reference test vectors from the paper are checked in the tests.
package struct SipHash24: Sendable {
    private let k0: UInt64
    private let k1: UInt64

    /// Creates the function for a 16-byte key (little-endian k0 ‖ k1, as in the reference code).
    /// - Precondition: `key.count == 16`.
    package init(key: [UInt8]) {
        precondition(key.count == 16, "SipHash-2-4 needs a 16-byte key")
        k0 = Self.littleEndianWord(key, at: 0)
        k1 = Self.littleEndianWord(key, at: 8)
    }

    /// The 64-bit tag of `message`.
    package func hash(_ message: [UInt8]) -> UInt64 {
        var v0: UInt64 = 0x736f_6d65_7073_6575 ^ k0
        var v1: UInt64 = 0x646f_7261_6e64_6f6d ^ k1
        var v2: UInt64 = 0x6c79_6765_6e65_7261 ^ k0
        var v3: UInt64 = 0x7465_6462_7974_6573 ^ k1

        func round() {
            v0 &+= v1
            v1 = rotl(v1, 13)
            v1 ^= v0
            v0 = rotl(v0, 32)
            v2 &+= v3
            v3 = rotl(v3, 16)
            v3 ^= v2
            v0 &+= v3
            v3 = rotl(v3, 21)
            v3 ^= v0
            v2 &+= v1
            v1 = rotl(v1, 17)
            v1 ^= v2
            v2 = rotl(v2, 32)
        }

        let fullWords = message.count / 8
        for index in 0..<fullWords {
            let m = Self.littleEndianWord(message, at: index * 8)
            v3 ^= m
            round()
            round()
            v0 ^= m
        }
        var last = UInt64(truncatingIfNeeded: message.count) << 56
        for (shift, byte) in message[(fullWords * 8)...].enumerated() {
            last |= UInt64(byte) << (8 * UInt64(shift))
        }
        v3 ^= last
        round()
        round()
        v0 ^= last
        v2 ^= 0xFF
        round()
        round()
        round()
        round()
        return v0 ^ v1 ^ v2 ^ v3
    }

    private func rotl(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }

    private static func littleEndianWord(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        var word: UInt64 = 0
        for index in 0..<8 {
            word |= UInt64(bytes[offset + index]) << (8 * UInt64(index))
        }
        return word
    }
}
