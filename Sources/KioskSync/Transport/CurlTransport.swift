import CCurl
import Dispatch
import Foundation

/// The real transport: libcurl with the kiosk's client certificate, the gateway's CA, an optional
/// HTTP CONNECT proxy (else libcurl's own `https_proxy`), gzip both ways, and one reused handle so
/// the connection stays alive and the TLS session is resumed.
///
/// Every libcurl call runs on one private serial queue: the handle is never used concurrently, and
/// the blocking transfer never occupies a thread of Swift's cooperative pool.
package final class CurlTransport: GatewayTransport, @unchecked Sendable {
    /// Where and how to reach the gateway.
    package struct Settings: Sendable, Equatable {
        /// `https://host:port` without a trailing slash.
        package var baseURL: String
        /// The gateway CA certificate (PEM) the server must chain to.
        package var caFile: String
        /// The device's certificate and key (PEM); nil for enrollment (server-authenticated TLS only).
        package var clientCertificate: (certificate: String, key: String)?
        /// `http://proxy:3128`; nil uses `https_proxy` from the environment when set.
        package var proxy: String?
        package var connectTimeout: Duration = .seconds(15)
        package var timeout: Duration = .seconds(60)
        /// Bodies at least this long are sent gzip-compressed.
        package var compressBodiesFrom = 256
        /// libcurl's own trace on standard error (`KIOSK_SYNC_CURL_VERBOSE=1`): connects, proxies,
        /// TLS, headers. Never bodies.
        package var verbose = ProcessInfo.processInfo.environment["KIOSK_SYNC_CURL_VERBOSE"] == "1"

        package init(
            baseURL: String, caFile: String, clientCertificate: (certificate: String, key: String)?, proxy: String?
        ) {
            self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
            self.caFile = caFile
            self.clientCertificate = clientCertificate
            self.proxy = proxy
        }

        package static func == (lhs: Settings, rhs: Settings) -> Bool {
            lhs.baseURL == rhs.baseURL && lhs.caFile == rhs.caFile && lhs.proxy == rhs.proxy
                && lhs.clientCertificate?.certificate == rhs.clientCertificate?.certificate
                && lhs.clientCertificate?.key == rhs.clientCertificate?.key
        }
    }

    private static let globalInit: Void = { _ = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    private let settings: Settings
    private let queue = DispatchQueue(label: "kiosk.sync.curl")
    /// Touched only on `queue`.
    private var handle: UnsafeMutableRawPointer?
    private var totals = TransferCounters()

    package init(settings: Settings) {
        Self.globalInit
        self.settings = settings
    }

    deinit {
        if let handle { curl_easy_cleanup(handle) }
    }

    package var counters: TransferCounters {
        get async {
            await withCheckedContinuation { continuation in queue.async { continuation.resume(returning: self.totals) }
            }
        }
    }

    package func send(_ request: GatewayRequest) async throws(TransportError) -> GatewayResponse {
        let result: Result<GatewayResponse, TransportError> = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.perform(request)) }
        }
        return try result.get()
    }

    // MARK: - On `queue`

    private func perform(_ request: GatewayRequest) -> Result<GatewayResponse, TransportError> {
        if handle == nil { handle = curl_easy_init() }
        guard let handle else { return .failure(TransportError(code: 0, message: "curl_easy_init failed")) }
        curl_easy_reset(handle)  // keeps the connection cache and the TLS session cache
        let accumulator = ResponseAccumulator()
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }

        var body = request.body
        var headers = request.headers
        if let plain = body {
            headers.append((name: "Content-Type", value: "application/json"))
            if plain.count >= settings.compressBodiesFrom, let compressed = Gzip.compress(plain) {
                body = compressed
                headers.append((name: "Content-Encoding", value: "gzip"))
            }
        }
        for header in headers { headerList = curl_slist_append(headerList, "\(header.name): \(header.value)") }
        // "Name:" with nothing after the colon removes a header libcurl would add: no 100-continue
        // round trip, and no `Accept: */*` (every byte counts on a metered link).
        headerList = curl_slist_append(headerList, "Expect:")
        headerList = curl_slist_append(headerList, "Accept:")

        var failure: CURLcode = CURLE_OK
        func set(_ code: CURLcode) { if failure == CURLE_OK, code != CURLE_OK { failure = code } }
        set(kiosk_curl_set_string(handle, CURLOPT_URL, settings.baseURL + request.path))
        set(kiosk_curl_set_string(handle, CURLOPT_CAINFO, settings.caFile))
        set(kiosk_curl_set_long(handle, CURLOPT_SSLVERSION, Int(CURL_SSLVERSION_TLSv1_2)))
        if let client = settings.clientCertificate {
            set(kiosk_curl_set_string(handle, CURLOPT_SSLCERT, client.certificate))
            set(kiosk_curl_set_string(handle, CURLOPT_SSLKEY, client.key))
        }
        if let proxy = settings.proxy { set(kiosk_curl_set_string(handle, CURLOPT_PROXY, proxy)) }
        set(kiosk_curl_set_string(handle, CURLOPT_ACCEPT_ENCODING, "gzip"))
        set(kiosk_curl_set_long(handle, CURLOPT_NOSIGNAL, 1))
        set(kiosk_curl_set_long(handle, CURLOPT_TCP_KEEPALIVE, 1))
        if settings.verbose { set(kiosk_curl_set_long(handle, CURLOPT_VERBOSE, 1)) }
        set(kiosk_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(settings.connectTimeout)))
        set(kiosk_curl_set_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(settings.timeout)))
        set(kiosk_curl_set_pointer(handle, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList)))
        set(kiosk_curl_set_callback(handle, CURLOPT_WRITEFUNCTION, ResponseAccumulator.bodyCallback))
        set(kiosk_curl_set_callback(handle, CURLOPT_HEADERFUNCTION, ResponseAccumulator.headerCallback))
        let context = Unmanaged.passUnretained(accumulator).toOpaque()
        set(kiosk_curl_set_pointer(handle, CURLOPT_WRITEDATA, context))
        set(kiosk_curl_set_pointer(handle, CURLOPT_HEADERDATA, context))
        switch request.method {
        case .get:
            set(kiosk_curl_set_long(handle, CURLOPT_HTTPGET, 1))
        case .post:
            let bytes = body ?? Data()
            set(kiosk_curl_set_long(handle, CURLOPT_POST, 1))
            set(kiosk_curl_set_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bytes.count)))
            bytes.withUnsafeBytes { raw in
                set(
                    kiosk_curl_set_pointer(
                        handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress)))
            }
        }
        guard failure == CURLE_OK else { return .failure(Self.error(failure)) }

        let code = withExtendedLifetime(accumulator) { curl_easy_perform(handle) }
        account(handle)
        guard code == CURLE_OK else { return .failure(Self.error(code)) }
        var status = 0
        _ = kiosk_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(GatewayResponse(status: status, headers: accumulator.headers, body: accumulator.body))
    }

    private func account(_ handle: UnsafeMutableRawPointer) {
        var requestSize = 0
        var headerSize = 0
        var uploaded: curl_off_t = 0
        var downloaded: curl_off_t = 0
        _ = kiosk_curl_get_long(handle, CURLINFO_REQUEST_SIZE, &requestSize)
        _ = kiosk_curl_get_long(handle, CURLINFO_HEADER_SIZE, &headerSize)
        _ = kiosk_curl_get_off(handle, CURLINFO_SIZE_UPLOAD_T, &uploaded)
        _ = kiosk_curl_get_off(handle, CURLINFO_SIZE_DOWNLOAD_T, &downloaded)
        totals.sent += Int64(requestSize) + Int64(uploaded)
        totals.received += Int64(headerSize) + Int64(downloaded)
        totals.requests += 1
    }

    private static func error(_ code: CURLcode) -> TransportError {
        TransportError(code: Int(code.rawValue), message: String(cString: curl_easy_strerror(code)))
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1_000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}

/// Collects one transfer's headers and body from libcurl's callbacks.
private final class ResponseAccumulator {
    var headers: [String: String] = [:]
    var body = Data()

    static let bodyCallback: kiosk_curl_data_callback = { data, size, count, context in
        guard let data, let context else { return 0 }
        let accumulator = Unmanaged<ResponseAccumulator>.fromOpaque(context).takeUnretainedValue()
        accumulator.body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: size * count)
        return size * count
    }

    static let headerCallback: kiosk_curl_data_callback = { data, size, count, context in
        guard let data, let context else { return 0 }
        let accumulator = Unmanaged<ResponseAccumulator>.fromOpaque(context).takeUnretainedValue()
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: size * count), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            accumulator.headers = [:]  // a proxy's CONNECT answer or a 100 came first
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            accumulator.headers[name] = accumulator.headers[name].map { $0 + ", " + value } ?? value
        }
        return size * count
    }
}
