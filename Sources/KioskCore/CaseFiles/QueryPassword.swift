/// The stored form of a 查询密码 (the platform's random digits for no-card lookups, R7).
///
/// Only a salted, iterated SHA-256 is kept (`sha256:<iterations>:<salt hex>:<digest hex>`), never
/// the clear password. Six digits remain guessable offline, so the hash mainly keeps the password
/// out of exports, backups and screens; the kiosk also limits attempts at the screen.
package enum QueryPassword {
    static let iterations = 2_000

    /// Hashes `password` with a fresh random salt.
    package static func hash(_ password: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return hash(password, salt: salt, iterations: iterations)
    }

    static func hash(_ password: String, salt: [UInt8], iterations: Int) -> String {
        var digest = SHA256.hash(salt + Array(password.utf8))
        for _ in 1..<max(iterations, 1) { digest = SHA256.hash(salt + digest) }
        return "sha256:\(iterations):\(Hex.encode(salt)):\(Hex.encode(digest))"
    }

    /// `true` when `password` matches the stored `hash`, compared in constant time.
    package static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: ":")
        guard parts.count == 4, parts[0] == "sha256", let iterations = Int(parts[1]),
            (1...1_000_000).contains(iterations), let salt = Hex.decode(parts[2])
        else { return false }
        let candidate = Array(hash(password, salt: salt, iterations: iterations).utf8)
        let expected = Array(stored.utf8)
        guard candidate.count == expected.count else { return false }
        return zip(candidate, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
