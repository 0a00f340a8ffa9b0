import Testing

@testable import KioskCore

@Suite struct ReceiptTokenTests {
    /// Reference vectors from the SipHash paper (key 00…0f, message 00…(n-1)).
    @Test(arguments: [
        (0, UInt64(0x726f_db47_dd0e_0e31)), (1, 0x74f8_39c5_93dc_67fd), (15, 0xa129_ca61_49be_45e5),
        (63, 0x958a_324c_eb06_4572),
    ])
    func sipHashReferenceVectors(length: Int, expected: UInt64) {
        let hash = SipHash24(key: Array(0..<16)).hash((0..<length).map { UInt8($0) })
        #expect(hash == expected)
    }

    let token = ReceiptToken(key: Array(repeating: 7, count: 16))
    let now = UnixTime(seconds: 1_795_300_000)

    @Test func aFreshTokenVerifies() {
        let value = token.token(for: "BJ2026-000123", expiresAt: UnixTime(seconds: now.seconds + 3600))
        #expect(value.count <= 16)
        #expect(token.verify(value, for: "BJ2026-000123", now: now))
    }

    @Test func anotherApplicationOrKeyOrExpiredFails() {
        let value = token.token(for: "BJ2026-000123", expiresAt: UnixTime(seconds: now.seconds + 3600))
        #expect(!token.verify(value, for: "BJ2026-000124", now: now))
        #expect(!ReceiptToken(key: Array(repeating: 8, count: 16)).verify(value, for: "BJ2026-000123", now: now))
        #expect(!token.verify(value, for: "BJ2026-000123", now: UnixTime(seconds: now.seconds + 7200)))
    }

    @Test func tamperedTokensFail() {
        let value = token.token(for: "BJ2026-000123", expiresAt: UnixTime(seconds: now.seconds + 3600))
        let parts = value.split(separator: ".")
        let later = String(Int64(parts[0], radix: 36)! + 1000, radix: 36) + "." + parts[1]
        #expect(!token.verify(later, for: "BJ2026-000123", now: now))
        #expect(!token.verify("garbage", for: "BJ2026-000123", now: now))
        #expect(!token.verify(value + "a", for: "BJ2026-000123", now: now))
    }

    @Test func linksPercentEncodeTheIDAndCarryTheToken() {
        let link = ReceiptQRLink(
            template: "https://h.example/q?id={id}&t={token}",
            key: Array(0..<16),
            lifetimeSeconds: 600
        )
        let url = link.url(for: "浙2026/01 A", now: now)
        #expect(url.hasPrefix("https://h.example/q?id=%E6%B5%992026%2F01%20A&t="))
        let tokenText = String(url.split(separator: "=").last!)
        #expect(link.token.verify(tokenText, for: "浙2026/01 A", now: now))
    }
}
