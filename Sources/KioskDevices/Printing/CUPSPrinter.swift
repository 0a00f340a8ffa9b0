import KioskCore
import Logging

/// A receipt printer behind a CUPS raw queue (libcups 2.4).
///
/// Submits each receipt as one raw job and follows it until CUPS reports it completed. When the queue
/// stops (paper out, cover open, paused) while the job waits, when the deadline passes, or when the
/// calling task is cancelled, the job is cancelled so that it can never print later for someone
/// else. Every libcups call runs on one dedicated thread (``BlockingWorker``).
package actor CUPSPrinter: ReceiptPrinter {
    package let queue: String
    package let profile: PrinterProfile
    private let connection: Result<CUPSConnection, PrintError>
    private let requestedServer: String?
    private let worker: BlockingWorker
    private let deadline: Duration
    private let pollInterval: Duration
    private let clock: any Clock<Duration>
    private let logger: Logger
    private var jobsBySession: [PrintSessionID: Set<Int>] = [:]
    /// Submissions still waiting for cupsd to return a job id, per session.
    private var submittingBySession: [PrintSessionID: Int] = [:]
    /// Sessions that ended while one of their jobs was being submitted: the job is cancelled as soon
    /// as its id is known, so a receipt never prints for the next person.
    private var endedWhileSubmitting: Set<PrintSessionID> = []

    /// Creates a printer for `queue`.
    /// - Parameters:
    ///   - queue: The CUPS queue name (a raw queue with `printer-error-policy=abort-job`).
    ///   - server: `host:port` or a socket path; `nil` uses `CUPS_SERVER` or the system default.
    ///   - profile: The printer model's profile.
    ///   - deadline: How long a job may take from submission to completion.
    ///   - pollInterval: How often the job and queue state are asked for while waiting.
    ///   - clock: The clock for polling and the deadline.
    ///   - logger: Where job events go (never receipt text).
    package init(
        queue: String,
        server: String?,
        profile: PrinterProfile,
        deadline: Duration = .seconds(60),
        pollInterval: Duration = .milliseconds(200),
        clock: any Clock<Duration> = ContinuousClock(),
        logger: Logger = Logger(label: "kiosk.printer.cups")
    ) {
        self.queue = queue
        self.profile = profile
        self.connection = Result { () throws(PrintError) in try CUPSConnection(server: server) }
        self.requestedServer = server
        self.worker = BlockingWorker(name: "kiosk-cups")
        self.deadline = deadline
        self.pollInterval = pollInterval
        self.clock = clock
        self.logger = logger
    }

    deinit {
        worker.shutdown()
    }

    /// The server this printer talks to (`localhost:631`, a socket path…).
    package nonisolated var server: String {
        (try? connection.get())?.serverDescription ?? requestedServer ?? "the default CUPS server"
    }

    package func status() async -> PrinterStatus {
        let connection = self.connection
        let queue = self.queue
        let result = await worker.run { () -> Result<PrinterStatus, PrintError> in
            do throws(PrintError) {
                let attributes = try connection.get().printerAttributes(queue: queue)
                return .success(
                    CUPSStatusMapping.status(
                        state: attributes.state,
                        reasons: attributes.reasons,
                        message: attributes.message,
                        acceptingJobs: attributes.accepting
                    )
                )
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let status):
            return status
        case .failure(let error):
            let isMissing = error.isNoSuchPrinter
            return PrinterStatus(
                device: isMissing ? .noDevice : .offline,
                paper: .unknown,
                reasons: [isMissing ? "no-such-queue" : "cupsd-unreachable"],
                message: error.description,
                acceptingJobs: false
            )
        }
    }

    package func print(_ receipt: Receipt, session: PrintSessionID) async throws(PrintError) -> PrintReport {
        let encoded = try EncodedReceipt.forPrinting(receipt, profile: profile, logger: logger)
        let jobID = try await submit(encoded.bytes, title: receipt.title, session: session)
        defer { forget(jobID, session: session) }
        logger.info("print job submitted", metadata: ["printer.queue": "\(queue)", "printer.job": "\(jobID)"])
        try await waitForCompletion(jobID)
        logger.info("print job completed", metadata: ["printer.queue": "\(queue)", "printer.job": "\(jobID)"])
        return PrintReport(
            jobID: jobID, encoded: encoded, textLines: ReceiptTextRenderer.lines(of: receipt, columns: profile.columns))
    }

    /// Prints already-encoded bytes (test receipts, reprints) and waits for completion.
    /// - Returns: The CUPS job id.
    package func printRaw(_ bytes: [UInt8], title: String, session: PrintSessionID) async throws(PrintError) -> Int {
        let jobID = try await submit(bytes, title: title, session: session)
        defer { forget(jobID, session: session) }
        try await waitForCompletion(jobID)
        return jobID
    }

    package func cancelPending(session: PrintSessionID) async {
        if submittingBySession[session] != nil { endedWhileSubmitting.insert(session) }
        guard let jobs = jobsBySession.removeValue(forKey: session) else { return }
        for jobID in jobs.sorted() {
            await cancel(jobID, why: "session ended")
        }
    }

    private func forget(_ jobID: Int, session: PrintSessionID) {
        jobsBySession[session]?.remove(jobID)
        if jobsBySession[session]?.isEmpty == true { jobsBySession[session] = nil }
    }

    /// Submits the job and records it under `session`. When the session ends while cupsd is still
    /// answering, the job is cancelled here and the call throws ``PrintError/canceled(jobID:)``.
    private func submit(_ bytes: [UInt8], title: String, session: PrintSessionID) async throws(PrintError) -> Int {
        let connection = self.connection
        let queue = self.queue
        submittingBySession[session, default: 0] += 1
        let result = await worker.run { () -> Result<Int, PrintError> in
            do throws(PrintError) {
                return .success(try connection.get().submitRaw(queue: queue, title: title, bytes: bytes))
            } catch {
                return .failure(error)
            }
        }
        let ended = endedWhileSubmitting.contains(session)
        submittingBySession[session, default: 1] -= 1
        if submittingBySession[session] == 0 {
            submittingBySession[session] = nil
            endedWhileSubmitting.remove(session)
        }
        let jobID = try result.get()
        if ended {
            await cancel(jobID, why: "session ended")
            throw PrintError.canceled(jobID: jobID)
        }
        jobsBySession[session, default: []].insert(jobID)
        return jobID
    }

    private func cancel(_ jobID: Int, why: String) async {
        let connection = self.connection
        let queue = self.queue
        let result = await worker.run { () -> Result<Void, PrintError> in
            do throws(PrintError) {
                try connection.get().cancel(queue: queue, jobID: jobID)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success:
            logger.info(
                "print job cancelled",
                metadata: ["printer.queue": "\(queue)", "printer.job": "\(jobID)", "printer.why": "\(why)"]
            )
        case .failure(let error):
            logger.warning(
                "could not cancel print job",
                metadata: ["printer.queue": "\(queue)", "printer.job": "\(jobID)", "error": "\(error)"]
            )
        }
    }

    /// A function that tells whether `deadline` has passed since now on `clock`.
    private static func deadlineCheck<C: Clock<Duration>>(_ clock: C, _ deadline: Duration) -> () -> Bool {
        let start = clock.now
        return { start.duration(to: clock.now) >= deadline }
    }

    /// Polls the job until it completes; cancels it and throws when it cannot.
    private func waitForCompletion(_ jobID: Int) async throws(PrintError) {
        let connection = self.connection
        let queue = self.queue
        let expired = Self.deadlineCheck(clock, deadline)
        let seconds = Double(deadline.components.seconds) + Double(deadline.components.attoseconds) / 1e18
        var lastTransportError: PrintError?
        while true {
            if Task.isCancelled {
                await cancel(jobID, why: "task cancelled")
                throw PrintError.canceled(jobID: jobID)
            }
            let poll = await worker.run {
                () -> Result<
                    (job: CUPSConnection.JobState?, jobReasons: [String], printerState: Int, printerReasons: [String]),
                    PrintError
                > in
                do throws(PrintError) {
                    let job = try connection.get().jobState(queue: queue, jobID: jobID)
                    let printer = try connection.get().printerAttributes(queue: queue)
                    return .success((job.state, job.reasons, printer.state, printer.reasons))
                } catch {
                    return .failure(error)
                }
            }
            switch poll {
            case .failure(let error):
                // cupsd may be restarting: keep trying until the deadline.
                lastTransportError = error
                logger.debug("print job poll failed", metadata: ["printer.job": "\(jobID)", "error": "\(error)"])
            case .success(let snapshot):
                lastTransportError = nil
                switch snapshot.job {
                case .completed:
                    return
                case .canceled:
                    throw PrintError.canceled(jobID: jobID)
                case .aborted:
                    let reasons = snapshot.printerReasons.filter { $0 != "none" }
                    if reasons.contains(where: { $0.hasPrefix("media-empty") || $0.hasPrefix("media-needed") }) {
                        throw PrintError.paperOut
                    }
                    throw PrintError.jobEnded(
                        jobID: jobID,
                        state: "aborted (\(snapshot.jobReasons.joined(separator: ",")))"
                    )
                case .pending, .held, .processing, .stopped, nil:
                    let stopped =
                        snapshot.printerState == CUPSStatusMapping.State.stopped.rawValue
                        || snapshot.jobReasons.contains("printer-stopped") || snapshot.job == .stopped
                    if stopped {
                        // Never leave a receipt waiting in a stopped queue: it would print for the next
                        // person when someone refills the paper.
                        await cancel(jobID, why: "queue stopped")
                        let reasons = snapshot.printerReasons.filter { $0 != "none" }
                        if reasons.contains(where: { $0.hasPrefix("media-empty") || $0.hasPrefix("media-needed") }) {
                            throw PrintError.paperOut
                        }
                        throw PrintError.printerStopped(reasons: reasons)
                    }
                }
            }
            if expired() {
                await cancel(jobID, why: "deadline passed")
                if let lastTransportError {
                    logger.warning("cupsd unreachable at the deadline", metadata: ["error": "\(lastTransportError)"])
                }
                throw PrintError.timedOut(jobID: jobID, seconds: seconds)
            }
            do {
                try await clock.sleep(for: pollInterval)
            } catch {
                await cancel(jobID, why: "task cancelled")
                throw PrintError.canceled(jobID: jobID)
            }
        }
    }
}
