import Glibc

/// A line speed the SAM supports (GA/T 467: 115200 default, 57600, 38400, 19200, 9600).
package struct BaudRate: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    package let rawValue: Int

    /// Accepts only the five speeds the SAM knows.
    package init?(rawValue: Int) {
        guard Self.supported.contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    private init(unchecked value: Int) { rawValue = value }

    package static let b115200 = BaudRate(unchecked: 115_200)
    package static let b57600 = BaudRate(unchecked: 57_600)
    package static let b38400 = BaudRate(unchecked: 38_400)
    package static let b19200 = BaudRate(unchecked: 19_200)
    package static let b9600 = BaudRate(unchecked: 9_600)

    /// The speeds in the SAM's `60 xx` parameter order.
    package static let supported = [115_200, 57_600, 38_400, 19_200, 9_600]

    /// The termios speed constant (`B115200` …).
    var speed: speed_t {
        switch rawValue {
        case 115_200: speed_t(B115200)
        case 57_600: speed_t(B57600)
        case 38_400: speed_t(B38400)
        case 19_200: speed_t(B19200)
        default: speed_t(B9600)
        }
    }

    /// Time on the wire for `bytes` bytes at 10 bits per byte (start + 8 data + stop).
    package func lineTime(bytes: Int) -> Duration {
        .nanoseconds(Int64(bytes) * 10 * 1_000_000_000 / Int64(rawValue))
    }

    package var description: String { "\(rawValue)" }
}
