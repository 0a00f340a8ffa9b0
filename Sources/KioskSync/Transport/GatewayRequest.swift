import Foundation

/// One call to the gateway's device API, as the transport sends it.
package struct GatewayRequest: Sendable, Equatable {
    package enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
    }

    package var method: Method
    /// The path and query, starting with `/` (`/v1/device/changes?cursor=…`).
    package var path: String
    /// Extra headers (`If-None-Match`); the transport adds `Accept`, `Accept-Encoding` and, for a
    /// body, `Content-Type` and `Content-Encoding`.
    package var headers: [(name: String, value: String)]
    /// The JSON body, uncompressed (the transport gzips it).
    package var body: Data?

    package init(method: Method, path: String, headers: [(name: String, value: String)] = [], body: Data? = nil) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }

    package static func == (lhs: GatewayRequest, rhs: GatewayRequest) -> Bool {
        lhs.method == rhs.method && lhs.path == rhs.path && lhs.body == rhs.body
            && lhs.headers.map(\.name) == rhs.headers.map(\.name)
            && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }
}

/// The gateway's answer: status, headers (names lower-cased) and the decoded body.
package struct GatewayResponse: Sendable, Equatable {
    package var status: Int
    package var headers: [String: String]
    package var body: Data

    package init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// `Retry-After` in seconds (the delta-seconds form; an HTTP date is read relative to `now`).
    package func retryAfter(now: Date) -> Duration? {
        guard let value = headers["retry-after"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Int(value), seconds >= 0 { return .seconds(seconds) }
        guard let date = Self.httpDate(value) else { return nil }
        return .seconds(max(0, Int(date.timeIntervalSince(now).rounded(.up))))
    }

    /// An HTTP date (`Date`, `Retry-After`): `Thu, 03 Dec 2026 14:23:10 GMT`.
    package static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}

/// Bytes a transport moved, for the traffic budget (`kiosk-sync status`, the bench).
package struct TransferCounters: Sendable, Equatable {
    /// Request line, headers and (compressed) bodies sent.
    package var sent: Int64 = 0
    /// Response headers and (compressed) bodies received.
    package var received: Int64 = 0
    package var requests: Int = 0

    package init() {}
}
