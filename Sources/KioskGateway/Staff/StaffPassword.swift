import Crypto
import KioskCore
import _CryptoExtras

/// Console passwords, stored in the kiosk's ``PinHash`` text form
/// (`pbkdf2-sha256$<iterations>$<salt-hex>$<hash-hex>`) and computed with BoringSSL's PBKDF2 so the
/// 600,000 iterations OWASP recommends for PBKDF2-HMAC-SHA256 cost about a third of a second.
enum StaffPassword {
    /// Iterations for new hashes (OWASP Password Storage Cheat Sheet, 2023).
    static let iterations = 600_000
    /// Shortest password `staff add` accepts.
    static let minimumLength = 10

    /// A fresh hash of `password` with a random 16-byte salt.
    static func hash(_ password: String) throws -> String {
        let salt = (0..<PinHash.saltCount).map { _ in UInt8.random(in: .min ... .max) }
        let derived = try derive(password, salt: salt, iterations: iterations)
        return "\(PinHash.scheme)$\(iterations)$\(Hex.encode(salt))$\(Hex.encode(derived))"
    }

    /// `true` when `password` matches `stored`; compared in constant time. A stored value that does
    /// not parse never matches.
    static func verify(_ password: String, against stored: String) -> Bool {
        guard let parsed = try? PinHash(parsing: stored),
            let derived = try? derive(password, salt: parsed.salt, iterations: parsed.iterations)
        else { return false }
        return ConstantTime.equals(derived, parsed.hash)
    }

    /// Spends the time a real verification would, for a name that does not exist (no timing oracle).
    static func verifyNobody(_ password: String) {
        _ = try? derive(password, salt: Array(repeating: 0, count: PinHash.saltCount), iterations: iterations)
    }

    private static func derive(_ password: String, salt: [UInt8], iterations: Int) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: salt, using: .sha256, outputByteCount: SHA256.byteCount,
            unsafeUncheckedRounds: iterations)
        return key.withUnsafeBytes { Array($0) }
    }
}
