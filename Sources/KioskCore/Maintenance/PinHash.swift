import Foundation

/// The admin PIN as stored in the configuration: a salted PBKDF2-HMAC-SHA256 hash.
///
/// The text form is one line, `pbkdf2-sha256$<iterations>$<salt-hex>$<hash-hex>`, e.g.
/// `pbkdf2-sha256$100000$9f1c…$4be0…` (the `[maintenance] pin_hash` key of kiosk.toml).
/// `kiosk maintenance hash-pin` prints it; the clear PIN is never stored.
package struct PinHash: Sendable, Hashable, CustomStringConvertible {
    /// The scheme name at the start of the text form.
    package static let scheme = "pbkdf2-sha256"
    /// Iterations for new hashes: about 0.1 s on kiosk-class hardware in a release build.
    package static let defaultIterations = 100_000
    /// Fewer iterations than this are refused when parsing (a configuration typo, or a downgrade).
    package static let minimumIterations = 1_000
    /// More than this are refused too: a huge count would stall the kiosk on every login.
    package static let maximumIterations = 10_000_000
    /// Salt length for new hashes, in bytes.
    package static let saltCount = 16

    package let iterations: Int
    package let salt: [UInt8]
    package let hash: [UInt8]

    /// Hashes `pin` with a fresh random salt.
    package init(hashing pin: String, iterations: Int = PinHash.defaultIterations) {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<Self.saltCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        self.init(hashing: pin, salt: salt, iterations: iterations)
    }

    /// Hashes `pin` with the given salt (tests, and re-hashing for verification).
    package init(hashing pin: String, salt: [UInt8], iterations: Int) {
        self.iterations = iterations
        self.salt = salt
        self.hash = PBKDF2.sha256(
            password: Array(pin.utf8), salt: salt, iterations: iterations, keyCount: SHA256.digestCount)
    }

    /// Parses the text form.
    ///
    /// - Throws: ``PinHashError`` naming what is wrong (never echoing the hash itself).
    package init(parsing text: String) throws(PinHashError) {
        let fields = text.trimmingCharacters(in: .whitespacesAndNewlines).split(
            separator: "$", omittingEmptySubsequences: false)
        guard fields.count == 4 else { throw .wrongFieldCount(fields.count) }
        guard fields[0] == Self.scheme else { throw .unknownScheme(String(fields[0].prefix(32))) }
        guard let iterations = Int(fields[1]), (Self.minimumIterations...Self.maximumIterations).contains(iterations)
        else { throw .badIterations(String(fields[1].prefix(16))) }
        guard let salt = Hex.decode(fields[2]), salt.count >= 8 else { throw .badSalt }
        guard let hash = Hex.decode(fields[3]), hash.count == SHA256.digestCount else { throw .badHash }
        self.iterations = iterations
        self.salt = salt
        self.hash = hash
    }

    /// `true` when `pin` hashes to the stored value; compared in constant time.
    package func verify(_ pin: String) -> Bool {
        let candidate = PBKDF2.sha256(
            password: Array(pin.utf8), salt: salt, iterations: iterations, keyCount: hash.count)
        return ConstantTime.equals(candidate, hash)
    }

    /// The text form for the configuration file.
    package var description: String {
        "\(Self.scheme)$\(iterations)$\(Hex.encode(salt))$\(Hex.encode(hash))"
    }
}
