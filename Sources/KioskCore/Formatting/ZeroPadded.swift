extension BinaryInteger {
    /// The number in decimal, zero-padded on the left to at least `width` digits: `7.zeroPadded(3)`
    /// is `"007"`, `12345.zeroPadded(3)` is `"12345"`.
    ///
    /// Used wherever the kiosk writes fixed-width numbers (dates, times, counters, serials) without
    /// `String(format:)`, which goes through CoreFoundation's formatter.
    package func zeroPadded(_ width: Int) -> String {
        let digits = String(self)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
