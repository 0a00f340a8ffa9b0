import Glibc

/// Encodes receipt text to the printer's Chinese character set with glibc `iconv`.
///
/// A character the charset cannot encode is never dropped: it is printed as ``replacement`` (□, which
/// GB 2312, GBK and GB 18030 all contain) and reported as a ``PrintWarning``. Not thread-safe (an
/// iconv descriptor has state): make one per encoding job.
final class ChineseTextEncoder {
    /// The visible stand-in for an unencodable character.
    static let replacement: Character = "□"

    let charset: PrinterCharset
    private let descriptor: iconv_t
    private let replacementBytes: [UInt8]

    /// Opens `iconv_open(charset, "UTF-8")`.
    /// - Throws: ``PrintError`` when glibc lacks the converter (the gconv modules are missing).
    init(charset: PrinterCharset) throws(PrintError) {
        self.charset = charset
        let handle = iconv_open(charset.iconvName, "UTF-8")
        if handle == iconv_t(bitPattern: -1) {
            throw PrintError.encoder(call: "iconv_open(\(charset.iconvName), UTF-8)", errno: errno)
        }
        descriptor = handle!
        var bytes: [UInt8] = []
        if Self.convert(descriptor, Array(String(Self.replacement).utf8), into: &bytes) {
            replacementBytes = bytes
        } else {
            replacementBytes = [UInt8(ascii: "?")]
        }
    }

    deinit {
        iconv_close(descriptor)
    }

    /// Appends the encoding of `text` to `output`; unencodable characters become ``replacement`` and
    /// are added to `warnings`.
    func encode(_ text: String, into output: inout [UInt8], warnings: inout [PrintWarning]) {
        var utf8 = Array(text.utf8)
        if utf8.allSatisfy({ $0 < 0x80 }) {
            output += utf8
            return
        }
        let mark = output.count
        if Self.convert(descriptor, utf8, into: &output) { return }
        output.removeSubrange(mark...)
        // Slow path: one character at a time, so only the offending ones are replaced.
        for character in text {
            utf8 = Array(String(character).utf8)
            if character.isASCII {
                output += utf8
            } else if !Self.convert(descriptor, utf8, into: &output) {
                output += replacementBytes
                warnings.append(PrintWarning.unencodable(character, charset: charset))
            }
        }
    }

    /// Converts `input` completely, appending to `output`; on failure appends nothing and returns
    /// `false`. Resets the descriptor's shift state either way.
    private static func convert(_ descriptor: iconv_t, _ input: [UInt8], into output: inout [UInt8]) -> Bool {
        var input = input
        let capacity = input.count * 4 + 8
        var buffer = [UInt8](repeating: 0, count: capacity)
        let result: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            buffer.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                let converted = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                var flushOut = outPointer
                var flushLeft = outLeft
                _ = iconv(descriptor, nil, nil, &flushOut, &flushLeft)
                if converted == -1 || inLeft != 0 {
                    iconv(descriptor, nil, nil, nil, nil)
                    return nil
                }
                return outBuffer.count - flushLeft
            }
        }
        guard let written = result else { return false }
        output += buffer[..<written]
        return true
    }
}
