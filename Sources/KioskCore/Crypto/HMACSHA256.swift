/// HMAC-SHA256 (RFC 2104), keyed once: the inner and outer padded-key states are hashed in
/// ``init(key:)`` and copied for each message, so PBKDF2 pays two compressions per block.
package struct HMACSHA256: Sendable {
    private let inner: SHA256
    private let outer: SHA256

    /// Prepares the MAC for `key` (hashed first when longer than a block, as RFC 2104 says).
    package init(key: some Collection<UInt8>) {
        var block = key.count > SHA256.blockCount ? SHA256.hash(key) : Array(key)
        block.append(contentsOf: repeatElement(0, count: SHA256.blockCount - block.count))
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5c })
        self.inner = inner
        self.outer = outer
    }

    /// The 32-byte MAC of `message`.
    package func authenticate(_ message: some Collection<UInt8>) -> [UInt8] {
        var inner = self.inner
        inner.update(message)
        var outer = self.outer
        outer.update(inner.finalize())
        return outer.finalize()
    }

    /// The MAC of `message` under `key`, in one call.
    package static func authenticate(_ message: some Collection<UInt8>, key: some Collection<UInt8>) -> [UInt8] {
        HMACSHA256(key: key).authenticate(message)
    }
}
