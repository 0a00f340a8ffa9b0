import CQREncode
import Glibc
import KioskCore

/// Encodes text as a QR code with libqrencode: 8-bit mode (UTF-8 bytes), case-sensitive, the smallest
/// version that fits, error correction M by default.
package enum QREncoder {
    /// Error-correction level (ISO/IEC 18004): L 7 %, M 15 %, Q 25 %, H 30 % recoverable.
    package enum ErrorCorrection: Sendable, Hashable {
        case low, medium, quartile, high

        fileprivate var level: QRecLevel {
            switch self {
            case .low: QR_ECLEVEL_L
            case .medium: QR_ECLEVEL_M
            case .quartile: QR_ECLEVEL_Q
            case .high: QR_ECLEVEL_H
            }
        }
    }

    /// Encodes `text` (calls `QRcode_encodeString(text, 0, level, QR_MODE_8, 1)`).
    /// - Throws: ``QREncodingError`` when the text is empty, contains NUL, or is too long for
    ///   version 40 at this level.
    package static func encode(
        _ text: String,
        errorCorrection: ErrorCorrection = .medium
    ) throws(QREncodingError)
        -> QRMatrix
    {
        guard !text.isEmpty else { throw QREncodingError.empty }
        guard !text.utf8.contains(0) else { throw QREncodingError.containsNul }
        errno = 0
        guard let code = QRcode_encodeString(text, 0, errorCorrection.level, QR_MODE_8, 1) else {
            let code = errno
            if code == ERANGE {
                throw QREncodingError.tooLong(byteCount: text.utf8.count, level: errorCorrection)
            }
            throw QREncodingError.library(errno: code)
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        var modules = [Bool](repeating: false, count: width * width)
        let data = code.pointee.data!
        for index in 0..<(width * width) {
            modules[index] = data[index] & 1 == 1
        }
        return QRMatrix(width: width, modules: modules)
    }
}

/// Why a QR code could not be made.
package struct QREncodingError: Error, CustomStringConvertible, Equatable {
    private enum Kind: Equatable {
        case empty
        case containsNul
        case tooLong(byteCount: Int, level: QREncoder.ErrorCorrection)
        case library(errno: Int32)
    }

    private let kind: Kind

    static let empty = QREncodingError(kind: .empty)
    static let containsNul = QREncodingError(kind: .containsNul)
    static func tooLong(byteCount: Int, level: QREncoder.ErrorCorrection) -> QREncodingError {
        QREncodingError(kind: .tooLong(byteCount: byteCount, level: level))
    }
    static func library(errno: Int32) -> QREncodingError { QREncodingError(kind: .library(errno: errno)) }

    /// `true` when the data does not fit in a version-40 symbol.
    package var isTooLong: Bool {
        if case .tooLong = kind { return true }
        return false
    }

    package var description: String {
        switch kind {
        case .empty: "QR code data is empty"
        case .containsNul: "QR code data contains a NUL byte"
        case .tooLong(let count, let level):
            "QR code data of \(count) bytes is too long for a version-40 symbol at EC level \(level)"
        case .library(let code): "QRcode_encodeString failed: \(String(cString: strerror(code))) (errno \(code))"
        }
    }
}
