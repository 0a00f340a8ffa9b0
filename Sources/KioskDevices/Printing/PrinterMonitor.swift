import Logging
import ServiceLifecycle

/// Polls a ``ReceiptPrinter``'s status and publishes changes (XFS4IoT `Common.StatusChangedEvent`
/// style: only when something changed), so the session can stop offering receipts when the paper is
/// out and hall staff see a maintenance flag when it is low.
///
/// A `Service`: run it in the app's `ServiceGroup`; it stops on graceful shutdown and then finishes
/// ``changes``. The stream has one consumer (the session state machine).
package struct PrinterMonitor: Service {
    /// One status change.
    package struct Change: Sendable, Hashable {
        /// The status now.
        package var status: PrinterStatus
        /// The status before, `nil` for the first report.
        package var previous: PrinterStatus?

        /// The new paper state when it changed (XFS4IoT `PaperThresholdEvent`: full, low, out), else `nil`.
        package var paperThreshold: PaperState? {
            guard let previous, previous.paper != status.paper else { return nil }
            return [.full, .low, .out].contains(status.paper) ? status.paper : nil
        }
    }

    /// Status changes, the first one being the initial status.
    package let changes: AsyncStream<Change>
    private let continuation: AsyncStream<Change>.Continuation
    private let printer: any ReceiptPrinter
    private let interval: Duration
    private let clock: any Clock<Duration>
    private let logger: Logger

    /// Creates a monitor; nothing runs until ``run()``.
    /// - Parameters:
    ///   - printer: The printer to watch.
    ///   - interval: Time between status queries (CUPS: cheap; AppSocket: four `DLE EOT` round trips).
    ///   - clock: The clock to wait on.
    ///   - logger: Receives status changes at info level.
    package init(
        printer: any ReceiptPrinter,
        interval: Duration = .seconds(5),
        clock: any Clock<Duration> = ContinuousClock(),
        logger: Logger = Logger(label: "kiosk.printer.monitor")
    ) {
        (changes, continuation) = AsyncStream.makeStream(of: Change.self, bufferingPolicy: .bufferingNewest(16))
        self.printer = printer
        self.interval = interval
        self.clock = clock
        self.logger = logger
    }

    /// Polls until graceful shutdown or cancellation, then finishes ``changes``.
    package func run() async throws {
        defer { continuation.finish() }
        try? await cancelWhenGracefulShutdown {
            try await poll()
        }
    }

    private func poll() async throws {
        var last: PrinterStatus?
        while !Task.isCancelled {
            let status = await printer.status()
            if status != last {
                let change = Change(status: status, previous: last)
                logger.info(
                    "printer status",
                    metadata: [
                        "printer.device": "\(status.device.rawValue)", "printer.paper": "\(status.paper.rawValue)",
                        "printer.reasons": "\(status.reasons.joined(separator: ","))",
                    ]
                )
                continuation.yield(change)
                last = status
            }
            try await clock.sleep(for: interval)
        }
    }
}
