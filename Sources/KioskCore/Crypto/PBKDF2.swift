/// PBKDF2 (RFC 8018 §5.2) with HMAC-SHA256 as the pseudo-random function.
package enum PBKDF2 {
    /// Derives `keyCount` bytes from `password` and `salt` with `iterations` rounds.
    ///
    /// - Precondition: `iterations ≥ 1` and `keyCount ≥ 1`.
    package static func sha256(
        password: some Collection<UInt8>, salt: some Collection<UInt8>, iterations: Int, keyCount: Int
    ) -> [UInt8] {
        precondition(iterations >= 1 && keyCount >= 1, "PBKDF2 needs at least one iteration and one byte")
        let mac = HMACSHA256(key: password)
        var derived: [UInt8] = []
        derived.reserveCapacity(keyCount + SHA256.digestCount)
        var blockIndex: UInt32 = 1
        while derived.count < keyCount {
            var message = Array(salt)
            message.append(contentsOf: [
                UInt8(truncatingIfNeeded: blockIndex >> 24), UInt8(truncatingIfNeeded: blockIndex >> 16),
                UInt8(truncatingIfNeeded: blockIndex >> 8), UInt8(truncatingIfNeeded: blockIndex),
            ])
            var u = mac.authenticate(message)
            var block = u
            for _ in 1..<iterations {
                u = mac.authenticate(u)
                for i in 0..<block.count { block[i] ^= u[i] }
            }
            derived.append(contentsOf: block)
            blockIndex += 1
        }
        return Array(derived.prefix(keyCount))
    }
}
