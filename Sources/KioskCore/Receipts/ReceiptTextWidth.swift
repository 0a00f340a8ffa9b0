/// Column widths of receipt text, as a Chinese thermal printer lays it out.
///
/// ASCII takes one column (12 dots); East Asian Wide and Fullwidth characters take two (24 dots). The
/// punctuation and symbols that Chinese fonts draw full width (·, —, “”, №, ①, box drawing, □, 、。)
/// count two as well, because in Chinese mode the printer prints them from its 24×24 font. Combining
/// marks, zero-width characters and controls take none.
package enum ReceiptTextWidth {
    /// Columns one character occupies.
    package static func columns(of character: Character) -> Int {
        var total = 0
        for scalar in character.unicodeScalars {
            let width = columns(of: scalar)
            // A grapheme cluster is as wide as its widest scalar (base + combining marks, ZWJ sequences).
            total = max(total, width)
        }
        return total
    }

    /// Columns one scalar occupies.
    package static func columns(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || value == 0x7F { return 0 }
        if value < 0x7F { return 1 }
        if value < 0xA0 { return 0 }
        if isZeroWidth(value) { return 0 }
        return isDoubleWidth(value) ? 2 : 1
    }

    /// Columns a string occupies.
    package static func columns(of text: some StringProtocol) -> Int {
        var total = 0
        for character in text {
            if character.isASCII {
                total += character == "\t" ? 0 : (character.asciiValue! < 0x20 ? 0 : 1)
            } else {
                total += columns(of: character)
            }
        }
        return total
    }

    private static func isZeroWidth(_ value: UInt32) -> Bool {
        switch value {
        case 0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF,
            0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x20D0...0x20FF, 0xFE00...0xFE0F,
            0xFE20...0xFE2F, 0xFEFF, 0xE0100...0xE01EF:
            return true
        default:
            return false
        }
    }

    private static func isDoubleWidth(_ value: UInt32) -> Bool {
        switch value {
        // East Asian Wide and Fullwidth blocks.
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        // Ambiguous-width symbols a Chinese printer font draws full width.
        case 0x00A4, 0x00A7, 0x00A8, 0x00B0, 0x00B1, 0x00B7, 0x00D7, 0x00F7, 0x2010...0x2027,
            0x2030...0x203B, 0x2103, 0x2105, 0x2109, 0x2116, 0x2121, 0x2160...0x217F, 0x2190...0x21FF,
            0x2200...0x22FF, 0x2460...0x24FF, 0x2500...0x257F, 0x2580...0x259F, 0x25A0...0x25FF,
            0x2600...0x26FF, 0x3000...0x303F:
            return true
        default:
            return false
        }
    }
}
