/// Text attributes a cell can carry.
package struct Attributes: OptionSet, Hashable, Sendable {
    package let rawValue: UInt8

    /// Creates attributes from their bits.
    package init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Bold / increased intensity (SGR 1).
    package static let bold = Attributes(rawValue: 1 << 0)
    /// Dim / decreased intensity (SGR 2).
    package static let dim = Attributes(rawValue: 1 << 1)
    /// Underline (SGR 4).
    package static let underline = Attributes(rawValue: 1 << 2)
    /// Inverse video (SGR 7).
    package static let inverse = Attributes(rawValue: 1 << 3)
}
