/// Comparisons whose running time does not depend on where two secrets differ.
package enum ConstantTime {
    /// `true` when `a` and `b` hold the same bytes. Every byte is looked at even after the
    /// first difference; only the lengths (which are public: a digest's size) leak.
    package static func equals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<a.count { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}
