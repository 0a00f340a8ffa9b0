/// The short, expiring token a receipt's QR code carries next to the 办件编号 (rule R15).
///
/// Format: `<expiry>.<tag>`, where `expiry` is the expiry time in minutes since 1970-01-01 UTC in
/// lower-case base 36 and `tag` is the top 50 bits of SipHash-2-4(key, "<id>|<expiry>") in
/// lower-case base 32 (RFC 4648 alphabet, 10 characters). The portal that serves the URL holds the
/// same 16-byte key and accepts the link only while the token verifies and has not expired. The
/// token proves the link was printed by a kiosk of the site; it carries no personal data.
package struct ReceiptToken: Sendable {
    private let mac: SipHash24

    /// Creates a token scheme for a 16-byte site key.
    /// - Precondition: `key.count == 16`.
    package init(key: [UInt8]) {
        mac = SipHash24(key: key)
    }

    /// The token for `caseNumber` that expires at `expiry`.
    package func token(for caseNumber: String, expiresAt expiry: UnixTime) -> String {
        let minutes = max(expiry.seconds / 60, 0)
        let expiryText = String(minutes, radix: 36)
        return expiryText + "." + tag(caseNumber, expiryText)
    }

    /// Whether `token` is valid for `caseNumber` at `now` (well-formed, tag matches, not
    /// expired).
    package func verify(_ token: String, for caseNumber: String, now: UnixTime) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let minutes = Int64(parts[0], radix: 36), minutes >= 0 else { return false }
        let expected = tag(caseNumber, String(parts[0]))
        guard Self.constantTimeEqual(Array(expected.utf8), Array(parts[1].utf8)) else { return false }
        return now.seconds < minutes * 60 + 60
    }

    private func tag(_ caseNumber: String, _ expiryText: String) -> String {
        let value = mac.hash(Array((caseNumber + "|" + expiryText).utf8)) >> 14  // top 50 bits
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var characters: [Character] = []
        for index in (0..<10).reversed() {
            characters.append(alphabet[Int((value >> UInt64(index * 5)) & 0x1F)])
        }
        return String(characters)
    }

    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}

/// Seconds since 1970-01-01 UTC; keeps the token scheme free of Foundation's Date.
package struct UnixTime: Sendable, Hashable, Comparable {
    package var seconds: Int64

    /// Creates a time from seconds since the epoch.
    package init(seconds: Int64) { self.seconds = seconds }

    package static func < (lhs: UnixTime, rhs: UnixTime) -> Bool { lhs.seconds < rhs.seconds }
}
