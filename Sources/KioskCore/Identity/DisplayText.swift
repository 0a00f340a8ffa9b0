/// Cleans text that came from outside (a card, a device) before it can reach a terminal or a log.
package enum DisplayText {
    /// Removes C0 controls (U+0000–U+001F), DEL (U+007F) and C1 controls (U+0080–U+009F), plus the
    /// bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) that could reorder a line.
    ///
    /// An ESC sequence such as `ESC [ 2 J` loses its ESC, so the rest is inert printable text.
    package static func sanitized(_ text: some StringProtocol) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isForbidden(scalar) {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// `true` for the scalars ``sanitized(_:)`` removes.
    package static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
