/// A `host:port` to listen on (`[::1]:8443` for IPv6; port 0 picks a free one).
struct ListenAddress: Sendable, Equatable {
    var host: String
    var port: Int

    /// Parses `text`; `nil` when it is not `host:port`.
    init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65535).contains(port)
        else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { return nil }
        self.host = host
        self.port = port
    }

    /// A configuration problem with `text`, or `nil`.
    static func problem(in text: String) -> String? {
        ListenAddress(text) == nil ? "expected host:port, e.g. 0.0.0.0:8443" : nil
    }
}
