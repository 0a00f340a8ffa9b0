import Testing

@testable import KioskCore

/// PBKDF2-HMAC-SHA256 against published vectors: RFC 7914 §11 (the two PBKDF2-SHA256 cases)
/// and the widely used RFC 6070-style "password"/"salt" cases for SHA-256
/// (e.g. Stack Overflow "Test vectors for PBKDF2-HMAC-SHA256", cross-checked with OpenSSL).
@Suite struct PBKDF2Tests {
    @Test(arguments: [
        ("password", "salt", 1, 32, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"),
        ("password", "salt", 2, 32, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"),
        ("password", "salt", 4096, 32, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"),
        (
            "passwd", "salt", 1, 64,
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
        ),
        (
            "Password", "NaCl", 80_000, 64,
            "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"
        ),
    ])
    func publishedVectors(password: String, salt: String, iterations: Int, count: Int, expected: String) {
        let key = PBKDF2.sha256(
            password: Array(password.utf8), salt: Array(salt.utf8), iterations: iterations, keyCount: count)
        #expect(Hex.encode(key) == expected)
    }

    /// A length that is not a multiple of the digest takes a prefix of the blocks.
    @Test func truncatedLength() {
        let long = PBKDF2.sha256(password: Array("p".utf8), salt: Array("s".utf8), iterations: 3, keyCount: 64)
        let short = PBKDF2.sha256(password: Array("p".utf8), salt: Array("s".utf8), iterations: 3, keyCount: 40)
        #expect(short.count == 40)
        #expect(Array(long.prefix(40)) == short)
    }
}
