/// Builds the URL a receipt's QR code carries from a configurable template (rule R15).
///
/// The template contains `{id}` (the 办件编号, percent-encoded) and `{token}` (a ``ReceiptToken``),
/// e.g. `https://zwfw.example.gov.cn/q?id={id}&t={token}`. Nothing else is substituted, so no
/// personal data can reach the QR code.
package struct ReceiptQRLink: Sendable {
    /// The default template used when configuration gives none.
    package static let defaultTemplate = "https://zwfw.example.gov.cn/q?id={id}&t={token}"

    package let template: String
    package let token: ReceiptToken
    /// How long a printed link stays valid.
    package let lifetimeSeconds: Int64

    /// Creates a link builder.
    /// - Parameters:
    ///   - template: URL template with `{id}` and optionally `{token}`.
    ///   - key: The 16-byte site key shared with the portal.
    ///   - lifetimeSeconds: Validity of a printed link (default 30 days).
    package init(template: String = ReceiptQRLink.defaultTemplate, key: [UInt8], lifetimeSeconds: Int64 = 30 * 86_400) {
        self.template = template
        self.token = ReceiptToken(key: key)
        self.lifetimeSeconds = lifetimeSeconds
    }

    /// The URL for `caseNumber` printed at `now`.
    package func url(for caseNumber: String, now: UnixTime) -> String {
        let tokenText = token.token(for: caseNumber, expiresAt: UnixTime(seconds: now.seconds + lifetimeSeconds))
        return
            template
            .replacingOccurrences(of: "{id}", with: Self.percentEncoded(caseNumber))
            .replacingOccurrences(of: "{token}", with: tokenText)
    }

    /// RFC 3986 percent-encoding of everything except the unreserved characters.
    package static func percentEncoded(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                output.append("%")
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            }
        }
        return output
    }
}

extension String {
    /// Replaces every occurrence of `target` (non-empty) by `replacement`, without Foundation.
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}
