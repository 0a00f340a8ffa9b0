import CCurl
import Foundation

/// gzip for request bodies (zlib; libcurl decodes gzip answers itself).
package enum Gzip {
    /// The gzip member of `data`, or nil when zlib fails.
    package static func compress(_ data: Data) -> Data? {
        data.withUnsafeBytes { raw -> Data? in
            var output: UnsafeMutablePointer<UInt8>?
            var length = 0
            let input = raw.baseAddress?.assumingMemoryBound(to: UInt8.self)
            guard kiosk_gzip(input, raw.count, &output, &length) == 0, let output else { return nil }
            defer { free(output) }
            return Data(bytes: output, count: length)
        }
    }
}
