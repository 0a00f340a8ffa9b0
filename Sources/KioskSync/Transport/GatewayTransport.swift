/// Sends device API calls to the gateway. ``CurlTransport`` is the real one (mutual TLS, proxies,
/// gzip); tests inject faults with their own.
package protocol GatewayTransport: Sendable {
    /// Sends `request` and returns the answer, whatever its status.
    ///
    /// - Throws: ``TransportError`` when no HTTP answer came (DNS, connect, TLS, timeout).
    func send(_ request: GatewayRequest) async throws(TransportError) -> GatewayResponse

    /// Bytes moved so far.
    var counters: TransferCounters { get async }
}

/// No HTTP answer came from the gateway.
package struct TransportError: Error, Sendable, CustomStringConvertible {
    /// libcurl's code (`CURLE_…`), 0 when the failure was before the transfer.
    package var code: Int
    /// libcurl's message, in English.
    package var message: String

    package init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    package var description: String { "transport error \(code): \(message)" }
}
