import Synchronization

/// A personal value (the holder's name, address, ID number) kept as UTF-8 in one buffer that is
/// zeroed when the session ends (``wipe()``) and again when the last reference goes.
///
/// A reference type, so every copy of an ``Identity`` shares the one buffer and a single wipe clears
/// them all, and so a copied `Identity` (in a task's frame, an event, a log call) carries a pointer
/// rather than the bytes. ``string`` makes a short-lived `String` copy: Swift strings are immutable
/// and cannot be wiped, so take one only where a full value must be shown or stored, and drop it.
package final class SensitiveText: Sendable, Equatable, Hashable {
    private let storage: Mutex<[UInt8]>

    /// Takes `utf8` over; pass an array nobody else holds (a copy could not be wiped).
    package init(utf8: consuming [UInt8]) {
        storage = Mutex(utf8)
    }

    /// Copies `text` (use for values that did not come off a card: tests, imports).
    package convenience init(_ text: some StringProtocol) {
        self.init(utf8: Array(text.utf8))
    }

    deinit {
        wipe()
    }

    /// The value as a `String`: a copy, to be used and dropped at once.
    package var string: String { storage.withLock { String(decoding: $0, as: UTF8.self) } }

    /// `true` when empty (or wiped).
    package var isEmpty: Bool { storage.withLock { $0.allSatisfy { $0 == 0 } } }

    /// Calls `body` with the UTF-8 bytes; do not keep a copy.
    package func withUTF8<Result: Sendable>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try storage.withLock { bytes in try bytes.withUnsafeBufferPointer { try body($0) } }
    }

    /// Overwrites the bytes with zeros, in place.
    package func wipe() {
        storage.withLock { bytes in bytes.withUnsafeMutableBytes { SecureWipe.zero($0) } }
    }

    /// Upper-cases ASCII letters in place (`x` → `X` in an ID number).
    package func uppercaseASCII() {
        storage.withLock { bytes in
            for index in bytes.indices where (0x61...0x7A).contains(bytes[index]) { bytes[index] -= 0x20 }
        }
    }

    /// `true` once ``wipe()`` has run.
    package var isWiped: Bool { isEmpty }

    package static func == (lhs: SensitiveText, rhs: SensitiveText) -> Bool {
        lhs === rhs || lhs.withUTF8 { left in rhs.withUTF8 { right in left.elementsEqual(right) } }
    }

    package func hash(into hasher: inout Hasher) {
        withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

extension SensitiveText {
    /// Decodes UTF-16LE text from a card field into a sanitised, trimmed value without making a
    /// `String` of it: control and format characters go (``DisplayText``), line separators become
    /// spaces, leading and trailing white space and the card's NUL padding are dropped.
    ///
    /// - Parameters:
    ///   - block: The card's text block.
    ///   - range: The field's byte range (an even length).
    package convenience init(cleaningUTF16LE block: [UInt8], range: Range<Int>) {
        var units = [UInt16]()
        units.reserveCapacity(range.count / 2)
        for index in stride(from: range.lowerBound, to: range.upperBound - 1, by: 2) {
            units.append(UInt16(block[index]) | UInt16(block[index + 1]) << 8)
        }
        var scalars = [Unicode.Scalar]()
        scalars.reserveCapacity(units.count)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                switch scalar.properties.generalCategory {
                case .lineSeparator, .paragraphSeparator: scalars.append(" ")
                default: if !DisplayText.isForbidden(scalar) { scalars.append(scalar) }
                }
            case .error: scalars.append("\u{FFFD}")
            case .emptyInput: break loop
            }
        }
        SecureWipe.wipe(&units)
        let isPadding: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace || $0 == "\0" }
        let start = scalars.firstIndex { !isPadding($0) } ?? scalars.endIndex
        let end = (scalars.lastIndex { !isPadding($0) }).map { $0 + 1 } ?? start
        var utf8 = [UInt8]()
        utf8.reserveCapacity(scalars.count * 4)
        for scalar in scalars[start..<max(start, end)] { UTF8.encode(scalar) { utf8.append($0) } }
        scalars.withUnsafeMutableBytes { SecureWipe.zero($0) }
        scalars = []
        self.init(utf8: utf8)
    }
}
