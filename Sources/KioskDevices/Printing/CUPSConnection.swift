import CCups
import Glibc

/// A connection to one cupsd, used only on its ``BlockingWorker`` thread (libcups is blocking and
/// keeps per-thread state).
///
/// Handles the 2.4 gotcha: `cupsCreateJob` looks the queue up through `cupsGetNamedDest` /
/// `cupsCopyDestInfo`, which only work when the default server (`cupsSetServer`) names the same
/// cupsd as the connection *by the name `localhost`*; so `127.0.0.1` is rewritten to `localhost` and
/// `cupsSetServer` is called on the worker thread before connecting. Any failed call drops the
/// connection so the next call reconnects (a restarted cupsd is survived).
final class CUPSConnection: @unchecked Sendable {
    /// Host (or socket path) and port of the cupsd.
    let host: String
    let port: Int32
    private let serverSetting: String
    private let cups: CUPSLibrary
    private var http: OpaquePointer?

    /// IPP `job-state` values.
    enum JobState: Int {
        case pending = 3
        case held, processing, stopped, canceled, aborted, completed
    }

    /// Creates a connection description for `server` (`host:port`, `/path/to/socket`, or `nil` for
    /// `CUPS_SERVER` / the system default). Nothing connects yet.
    /// - Throws: ``PrintError`` when libcups cannot be loaded (``CUPSLibrary``).
    init(server: String?) throws(PrintError) {
        let cups = try CUPSLibrary.load()
        self.cups = cups
        let chosen = server.flatMap { $0.isEmpty ? nil : $0 }
        var name = chosen ?? cups.cupsServer().map { String(cString: $0) } ?? "localhost"
        var port = Int32(cups.ippPort())
        if !name.hasPrefix("/"), let colon = name.lastIndex(of: ":"),
            let value = Int32(name[name.index(after: colon)...])
        {
            port = value
            name = String(name[..<colon])
        }
        if name == "127.0.0.1" || name == "[::1]" || name == "::1" { name = "localhost" }
        host = name
        self.port = port
        serverSetting = name.hasPrefix("/") ? name : "\(name):\(port)"
    }

    deinit {
        if let http { cups.httpClose(http) }
    }

    /// The server as shown in messages.
    var serverDescription: String { serverSetting }

    /// Drops the connection (the next call reconnects).
    func disconnect() {
        if let http { cups.httpClose(http) }
        http = nil
    }

    private func connection() throws(PrintError) -> OpaquePointer {
        if let http { return http }
        cups.cupsSetServer(serverSetting)
        guard
            let connected = cups.httpConnect2(
                host,
                port,
                nil,
                AF_UNSPEC,
                HTTP_ENCRYPTION_IF_REQUESTED,
                1,
                5_000,
                nil
            )
        else {
            throw PrintError.disconnected("cannot connect to cupsd at \(serverSetting): \(lastError())")
        }
        http = connected
        return connected
    }

    private func lastError() -> String {
        cups.cupsLastErrorString().map { String(cString: $0) } ?? "unknown CUPS error"
    }

    private var lastErrorIsTransport: Bool {
        let status = cups.cupsLastError()
        return status == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE || status == IPP_STATUS_ERROR_INTERNAL
            || status == IPP_STATUS_ERROR_DEVICE
    }

    /// Runs `body` and, when it fails for a transport reason, reconnects and runs it once more.
    private func withReconnect<T>(_ body: (OpaquePointer) throws(PrintError) -> T) throws(PrintError) -> T {
        do {
            return try body(try connection())
        } catch {
            disconnect()
            return try body(try connection())
        }
    }

    /// Submits `bytes` as one raw job to `queue`; returns the job id.
    /// Calls cupsCreateJob, cupsStartDocument (CUPS_FORMAT_RAW), cupsWriteRequestData, cupsFinishDocument.
    func submitRaw(queue: String, title: String, bytes: [UInt8]) throws(PrintError) -> Int {
        var jobID: Int32 = 0
        // Creating the job is retried after a reconnect; once a job exists it is not resubmitted
        // (that could print twice).
        jobID = try withReconnect { (http) throws(PrintError) -> Int32 in
            let id = cups.cupsCreateJob(http, queue, title, 0, nil)
            guard id > 0 else {
                // cupsCreateJob reports a missing queue vaguely (an internal error with a stale
                // errno text), so ask the scheduler about the queue to say what went wrong.
                let error = classify(call: "cupsCreateJob", queue: queue)
                let probe: PrintError?
                do throws(PrintError) {
                    probe = try printerAttributes(queue: queue).accepting ? nil : PrintError.notAccepting
                } catch {
                    probe = error.isNoSuchPrinter ? error : nil
                }
                throw probe ?? error
            }
            return id
        }
        let http = try connection()
        let started = cups.cupsStartDocument(http, queue, jobID, "receipt", "application/vnd.cups-raw", 1)
        guard started == HTTP_STATUS_CONTINUE else {
            let error = classify(call: "cupsStartDocument", queue: queue)
            disconnect()
            cancelQuietly(queue: queue, jobID: Int(jobID))
            throw error
        }
        let written = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cups.cupsWriteRequestData(http, chars.baseAddress, chars.count)
            }
        }
        guard written == HTTP_STATUS_CONTINUE else {
            let error = classify(call: "cupsWriteRequestData", queue: queue)
            disconnect()
            cancelQuietly(queue: queue, jobID: Int(jobID))
            throw error
        }
        let finished = cups.cupsFinishDocument(http, queue)
        guard finished == IPP_STATUS_OK || finished == IPP_STATUS_OK_IGNORED_OR_SUBSTITUTED else {
            let error = classify(call: "cupsFinishDocument", queue: queue)
            disconnect()
            cancelQuietly(queue: queue, jobID: Int(jobID))
            throw error
        }
        return Int(jobID)
    }

    /// The job's `job-state` and `job-state-reasons` (Get-Job-Attributes).
    func jobState(queue: String, jobID: Int) throws(PrintError) -> (state: JobState?, reasons: [String]) {
        try withReconnect { (http) throws(PrintError) in
            let request = cups.ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES)
            _ = cups.ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nil, printerURI(queue))
            _ = cups.ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", Int32(jobID))
            _ = cups.ippAddString(
                request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nil, cups.cupsUser())
            addRequested(request, ["job-state", "job-state-reasons"])
            guard let response = cups.cupsDoRequest(http, request, "/") else {
                throw classify(call: "Get-Job-Attributes", queue: queue)
            }
            defer { cups.ippDelete(response) }
            guard cups.ippGetStatusCode(response).rawValue < 0x0400 else {
                throw classify(call: "Get-Job-Attributes", queue: queue)
            }
            let state =
                cups.ippFindAttribute(response, "job-state", IPP_TAG_ENUM).map {
                    JobState(rawValue: Int(cups.ippGetInteger($0, 0)))
                } ?? nil
            return (state, strings(response, "job-state-reasons"))
        }
    }

    /// The queue's state attributes (Get-Printer-Attributes).
    func printerAttributes(
        queue: String
    ) throws(PrintError) -> (
        state: Int, reasons: [String], message: String?, accepting: Bool
    ) {
        try withReconnect { (http) throws(PrintError) in
            let request = cups.ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES)
            _ = cups.ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nil, printerURI(queue))
            _ = cups.ippAddString(
                request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nil, cups.cupsUser())
            addRequested(
                request,
                ["printer-state", "printer-state-reasons", "printer-state-message", "printer-is-accepting-jobs"]
            )
            guard let response = cups.cupsDoRequest(http, request, "/") else {
                throw classify(call: "Get-Printer-Attributes", queue: queue)
            }
            defer { cups.ippDelete(response) }
            guard cups.ippGetStatusCode(response).rawValue < 0x0400 else {
                throw classify(call: "Get-Printer-Attributes", queue: queue)
            }
            let state =
                cups.ippFindAttribute(response, "printer-state", IPP_TAG_ENUM).map { Int(cups.ippGetInteger($0, 0)) }
                ?? 0
            let message = strings(response, "printer-state-message").first
            let accepting =
                cups.ippFindAttribute(response, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN).map {
                    cups.ippGetBoolean($0, 0) != 0
                } ?? false
            return (state, strings(response, "printer-state-reasons"), message, accepting)
        }
    }

    /// Cancels a job (cupsCancelJob2 without purge). Succeeds when the job is already finished.
    func cancel(queue: String, jobID: Int) throws(PrintError) {
        try withReconnect { (http) throws(PrintError) in
            let status = cups.cupsCancelJob2(http, queue, Int32(jobID), 0)
            guard
                status == IPP_STATUS_OK || status == IPP_STATUS_ERROR_NOT_POSSIBLE
                    || status == IPP_STATUS_ERROR_NOT_FOUND
            else {
                throw classify(call: "cupsCancelJob2", queue: queue)
            }
        }
    }

    private func cancelQuietly(queue: String, jobID: Int) {
        try? cancel(queue: queue, jobID: jobID)
    }

    private func printerURI(_ queue: String) -> String {
        "ipp://localhost/printers/\(queue)"
    }

    private func addRequested(_ request: OpaquePointer?, _ names: [String]) {
        var cStrings = names.map { strdup($0) }
        defer { for string in cStrings { free(string) } }
        cStrings.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { pointers in
                _ = cups.ippAddStrings(
                    request,
                    IPP_TAG_OPERATION,
                    IPP_TAG_KEYWORD,
                    "requested-attributes",
                    Int32(names.count),
                    nil,
                    pointers.baseAddress
                )
            }
        }
    }

    private func strings(_ response: OpaquePointer, _ name: String) -> [String] {
        guard let attribute = cups.ippFindAttribute(response, name, IPP_TAG_ZERO) else { return [] }
        return (0..<cups.ippGetCount(attribute)).compactMap { index in
            cups.ippGetString(attribute, index, nil).map { String(cString: $0) }
        }
    }

    /// Turns `cups.cupsLastError()` into a ``PrintError``; transport failures drop the connection.
    private func classify(call: String, queue: String) -> PrintError {
        let status = cups.cupsLastError()
        let message = lastError()
        if lastErrorIsTransport {
            disconnect()
            return PrintError.disconnected("\(call) on \(serverSetting): \(message)")
        }
        if status == IPP_STATUS_ERROR_NOT_FOUND || message.contains("does not exist") {
            return PrintError.noSuchPrinter(queue)
        }
        if status == IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS {
            return PrintError.notAccepting
        }
        return PrintError.cups(call: call, message: message)
    }
}
