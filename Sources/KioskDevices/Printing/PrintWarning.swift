/// Something a print job did not do exactly as asked, for the caller to log; the receipt still
/// printed.
package struct PrintWarning: Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Hashable {
        case unencodable(scalars: String, charset: PrinterCharset)
        case qrFallback(String)
    }

    private let kind: Kind

    /// A character the printer charset lacks, printed as □. Only the code points are kept (no text
    /// around them), so the warning can be logged.
    static func unencodable(_ character: Character, charset: PrinterCharset) -> PrintWarning {
        let scalars = character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }
        return PrintWarning(kind: .unencodable(scalars: scalars.joined(separator: " "), charset: charset))
    }

    /// A QR code that could not be printed as asked (and what was printed instead).
    static func qrFallback(_ detail: String) -> PrintWarning {
        PrintWarning(kind: .qrFallback(detail))
    }

    /// The code points of an unencodable character, or `nil` for other warnings.
    package var unencodableScalars: String? {
        if case .unencodable(let scalars, _) = kind { return scalars }
        return nil
    }

    package var description: String {
        switch kind {
        case .unencodable(let scalars, let charset):
            "character \(scalars) is not in \(charset.iconvName); printed as \(ChineseTextEncoder.replacement)"
        case .qrFallback(let detail): "QR code: \(detail)"
        }
    }
}
