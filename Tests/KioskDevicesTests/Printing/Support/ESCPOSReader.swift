import Glibc

/// A small ESC/POS interpreter for tests: turns the bytes the kiosk sends into printed lines (text
/// decoded from the Chinese charset with iconv), raster images and native QR payloads, and fails on
/// any byte sequence it does not understand, so stray bytes are caught.
struct ESCPOSDocument {
    /// One printed text line and the state it printed in.
    struct Line: Equatable {
        var text: String
        var alignment: UInt8
        var bold: Bool
        var doubleWidth: Bool
        var doubleHeight: Bool
        var chineseMode: Bool
    }

    /// A raster image assembled from consecutive `GS v 0` bands.
    struct Raster {
        var bytesPerRow: Int
        var height: Int
        var bits: [UInt8]
        var bandHeights: [Int]

        var width: Int { bytesPerRow * 8 }

        /// The image as a binary PBM (P4).
        var pbm: [UInt8] { Array("P4\n\(width) \(height)\n".utf8) + bits }
    }

    var lines: [Line] = []
    var rasters: [Raster] = []
    var nativeQRPayloads: [[UInt8]] = []
    /// `GS ( k` function numbers in order (65 model, 67 size, 69 EC, 80 store, 81 print).
    var nativeQRFunctions: [UInt8] = []
    var cuts: [UInt8] = []
    var initialized = false
    var enteredChineseMode = 0
    var leftChineseMode = 0
    var chineseModeSettings: [UInt8] = []
    var feeds: [Int] = []

    /// The text of every line, in order.
    var texts: [String] { lines.map(\.text) }
}

struct ESCPOSReadError: Error, CustomStringConvertible {
    var offset: Int
    var detail: String
    var description: String { "ESC/POS byte \(offset): \(detail)" }
}

enum ESCPOSReader {
    /// Interprets `bytes`, decoding text with `charset` (an iconv name such as GB18030).
    static func read(_ bytes: [UInt8], charset: String = "GB18030") throws -> ESCPOSDocument {
        var document = ESCPOSDocument()
        var index = 0
        var text: [UInt8] = []
        var alignment: UInt8 = 0
        var bold = false
        var doubleWidth = false
        var doubleHeight = false
        var chinese = false
        var lastWasRaster = false

        func need(_ count: Int) throws {
            guard index + count <= bytes.count else {
                throw ESCPOSReadError(offset: index, detail: "truncated command")
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            let commandStart = index
            var isRaster = false
            switch byte {
            case 0x0A:
                document.lines.append(
                    .init(
                        text: try decode(text, charset: charset),
                        alignment: alignment,
                        bold: bold,
                        doubleWidth: doubleWidth,
                        doubleHeight: doubleHeight,
                        chineseMode: chinese
                    )
                )
                text.removeAll()
                index += 1
            case 0x1B:
                try need(2)
                let command = bytes[index + 1]
                switch command {
                case 0x40:
                    document.initialized = true
                    alignment = 0
                    bold = false
                    doubleWidth = false
                    doubleHeight = false
                    index += 2
                case 0x61:
                    try need(3)
                    alignment = bytes[index + 2]
                    index += 3
                case 0x45:
                    try need(3)
                    bold = bytes[index + 2] & 1 == 1
                    index += 3
                case 0x64:
                    try need(3)
                    document.feeds.append(Int(bytes[index + 2]))
                    index += 3
                default:
                    throw ESCPOSReadError(offset: index, detail: "unknown ESC \(command)")
                }
            case 0x1C:
                try need(2)
                switch bytes[index + 1] {
                case 0x26:
                    chinese = true
                    document.enteredChineseMode += 1
                    index += 2
                case 0x2E:
                    chinese = false
                    document.leftChineseMode += 1
                    index += 2
                case 0x21:
                    try need(3)
                    document.chineseModeSettings.append(bytes[index + 2])
                    index += 3
                default:
                    throw ESCPOSReadError(offset: index, detail: "unknown FS \(bytes[index + 1])")
                }
            case 0x1D:
                try need(2)
                switch bytes[index + 1] {
                case 0x21:
                    try need(3)
                    doubleWidth = bytes[index + 2] & 0x70 != 0
                    doubleHeight = bytes[index + 2] & 0x07 != 0
                    index += 3
                case 0x56:
                    try need(3)
                    document.cuts.append(bytes[index + 2])
                    index += bytes[index + 2] >= 65 ? 4 : 3
                case 0x76:
                    try need(8)
                    guard bytes[index + 2] == 0x30 else {
                        throw ESCPOSReadError(offset: index, detail: "GS v without 0")
                    }
                    let bytesPerRow = Int(bytes[index + 4]) | Int(bytes[index + 5]) << 8
                    let rows = Int(bytes[index + 6]) | Int(bytes[index + 7]) << 8
                    try need(8 + bytesPerRow * rows)
                    let data = Array(bytes[(index + 8)..<(index + 8 + bytesPerRow * rows)])
                    if lastWasRaster, var last = document.rasters.last, last.bytesPerRow == bytesPerRow {
                        last.bits += data
                        last.height += rows
                        last.bandHeights.append(rows)
                        document.rasters[document.rasters.count - 1] = last
                    } else {
                        document.rasters.append(
                            .init(bytesPerRow: bytesPerRow, height: rows, bits: data, bandHeights: [rows])
                        )
                    }
                    isRaster = true
                    index += 8 + bytesPerRow * rows
                case 0x28:
                    try need(7)
                    guard bytes[index + 2] == 0x6B else {
                        throw ESCPOSReadError(offset: index, detail: "GS ( other than k")
                    }
                    let length = Int(bytes[index + 3]) | Int(bytes[index + 4]) << 8
                    try need(5 + length)
                    let function = bytes[index + 6]
                    document.nativeQRFunctions.append(function)
                    if function == 80 {
                        document.nativeQRPayloads.append(Array(bytes[(index + 8)..<(index + 5 + length)]))
                    }
                    index += 5 + length
                default:
                    throw ESCPOSReadError(offset: index, detail: "unknown GS \(bytes[index + 1])")
                }
            case 0x10:
                try need(3)
                index += 3
            default:
                guard byte >= 0x20 else {
                    throw ESCPOSReadError(offset: index, detail: "stray control byte \(byte)")
                }
                text.append(byte)
                index += 1
            }
            if commandStart != index { lastWasRaster = isRaster }
        }
        guard text.isEmpty else { throw ESCPOSReadError(offset: index, detail: "text without a final LF") }
        return document
    }

    /// Decodes `bytes` from `charset` to a String with iconv; throws on invalid sequences.
    static func decode(_ bytes: [UInt8], charset: String) throws -> String {
        guard !bytes.isEmpty else { return "" }
        let descriptor = iconv_open("UTF-8", charset)
        guard descriptor != iconv_t(bitPattern: -1) else {
            throw ESCPOSReadError(offset: 0, detail: "iconv_open \(charset)")
        }
        defer { iconv_close(descriptor) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 4)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                return result == -1 || inLeft != 0 ? nil : outBuffer.count - outLeft
            }
        }
        guard let produced else {
            throw ESCPOSReadError(offset: 0, detail: "bytes are not valid \(charset): \(bytes)")
        }
        return String(decoding: output[..<produced], as: UTF8.self)
    }
}
