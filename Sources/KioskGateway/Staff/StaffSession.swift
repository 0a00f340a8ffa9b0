import Crypto
import Foundation

/// A signed-in console user, as found from the session cookie.
struct StaffSession: Sendable {
    let name: String
    let role: StaffRole
    /// The per-session token every form must carry back (`csrf` field).
    let csrfToken: String
}

/// The random session token in the `kg_session` cookie. Only its SHA-256 is stored, so a read of
/// `staff_session` cannot be replayed as a cookie.
struct StaffToken: Sendable, Hashable {
    /// 32 random bytes, base64url without padding.
    let value: String

    static func random() -> StaffToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return StaffToken(value: Data(bytes).base64URLEncoded())
    }

    /// What `staff_session.token_hash` stores.
    var hash: Data { Data(SHA256.hash(data: Data(value.utf8))) }
}

extension Data {
    /// RFC 4648 §5 base64url without padding: safe in cookies, URLs and form fields.
    func base64URLEncoded() -> String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
