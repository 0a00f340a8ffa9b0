import Testing

@testable import KioskCore

@Suite struct PinHashTests {
    @Test func roundTripAndVerify() throws {
        let hash = PinHash(hashing: "246810", iterations: 1_000)
        let line = hash.description
        #expect(line.hasPrefix("pbkdf2-sha256$1000$"))
        let fields = line.split(separator: "$")
        #expect(fields.count == 4)
        #expect(fields[2].count == PinHash.saltCount * 2)
        #expect(fields[3].count == 64)

        let parsed = try PinHash(parsing: line + "\n")
        #expect(parsed == hash)
        #expect(parsed.verify("246810"))
        #expect(!parsed.verify("246811"))
        #expect(!parsed.verify(""))
        #expect(!parsed.verify("2468100"))
    }

    /// A stored value computed independently (Python hashlib.pbkdf2_hmac) verifies.
    @Test func verifiesAnIndependentlyComputedHash() throws {
        // hashlib.pbkdf2_hmac('sha256', b'1234', bytes.fromhex('00112233445566778899aabbccddeeff'), 1000).hex()
        let line =
            "pbkdf2-sha256$1000$00112233445566778899aabbccddeeff$"
            + "b8ad0f1dacec0beb4f418fadcb2ee5939ef45823391bb89692028dd1b67e9cef"
        let expected = try PinHash(parsing: line)
        #expect(PinHash(hashing: "1234", salt: expected.salt, iterations: 1_000) == expected)
        #expect(expected.verify("1234"))
    }

    @Test func saltsDiffer() {
        let a = PinHash(hashing: "0000", iterations: 1_000)
        let b = PinHash(hashing: "0000", iterations: 1_000)
        #expect(a.salt != b.salt)
        #expect(a.hash != b.hash)
    }

    static let zeros64 = String(repeating: "0", count: 64)
    static let malformed: [(String, PinHashError)] = [
        ("", PinHashError.wrongFieldCount(1)),
        ("pbkdf2-sha256$1000$0011", PinHashError.wrongFieldCount(3)),
        ("bcrypt$1000$0011223344556677$" + zeros64, PinHashError.unknownScheme("bcrypt")),
        ("pbkdf2-sha256$10$0011223344556677$" + zeros64, PinHashError.badIterations("10")),
        ("pbkdf2-sha256$x$0011223344556677$" + zeros64, PinHashError.badIterations("x")),
        ("pbkdf2-sha256$1000$00112233$" + zeros64, PinHashError.badSalt),
        ("pbkdf2-sha256$1000$zz112233445566778$" + zeros64, PinHashError.badSalt),
        ("pbkdf2-sha256$1000$0011223344556677$" + String(repeating: "0", count: 62), PinHashError.badHash),
    ]

    @Test(arguments: malformed)
    func rejectsMalformedValues(text: String, error: PinHashError) {
        #expect(throws: error) { try PinHash(parsing: text) }
    }

    @Test func errorMessagesNameTheFormat() {
        #expect(PinHashError.badHash.description.contains("pbkdf2-sha256$<iterations>$<salt-hex>$<hash-hex>"))
    }

    @Test func constantTimeEquals() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([0, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2], [1, 2, 3]))
        #expect(ConstantTime.equals([], []))
    }

    @Test func hexRoundTrip() {
        #expect(Hex.decode("00ff7Fa0") == [0x00, 0xff, 0x7f, 0xa0])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("0g") == nil)
        #expect(Hex.encode([0x00, 0xff, 0x7f, 0xa0]) == "00ff7fa0")
    }
}
