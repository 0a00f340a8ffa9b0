import KioskCore
import KioskTestSupport
import Testing

@testable import KioskDevices

/// A printer whose status the test sets.
actor ScriptedPrinter: ReceiptPrinter {
    var current: PrinterStatus
    private(set) var statusQueries = 0

    init(_ status: PrinterStatus) { current = status }

    func set(_ status: PrinterStatus) { current = status }

    func status() async -> PrinterStatus {
        statusQueries += 1
        return current
    }

    func print(_ receipt: Receipt, session: PrintSessionID) async throws(PrintError) -> PrintReport {
        Issue.record("the monitor must not print")
        throw PrintError.notAccepting
    }

    func cancelPending(session: PrintSessionID) async {
        Issue.record("the monitor must not cancel jobs")
    }
}

@Suite struct PrinterMonitorTests {
    /// Waits (bounded, yielding only) until the monitor sleeps on the clock again.
    private func untilSleeping(_ clock: TestClock) async {
        for _ in 0..<10_000 where clock.sleeperCount == 0 { await Task.yield() }
    }

    @Test func publishesOnlyChangesWithPaperThresholds() async throws {
        let printer = ScriptedPrinter(PrinterStatus(device: .online, paper: .full))
        let clock = TestClock()
        let monitor = PrinterMonitor(printer: printer, interval: .seconds(5), clock: clock)
        let running = Task { try await monitor.run() }
        var changes = monitor.changes.makeAsyncIterator()

        let first = try #require(await changes.next())
        #expect(first.previous == nil && first.status.paper == .full && first.paperThreshold == nil)

        // Same status on the next poll: nothing published.
        await untilSleeping(clock)
        clock.advance(by: .seconds(5))
        await untilSleeping(clock)
        #expect(await printer.statusQueries == 2)

        await printer.set(PrinterStatus(device: .online, paper: .low, reasons: ["media-low-warning"]))
        clock.advance(by: .seconds(5))
        let low = try #require(await changes.next())
        #expect(low.paperThreshold == .low)
        #expect(low.previous?.paper == .full)

        await printer.set(PrinterStatus(device: .userError, paper: .out, reasons: ["media-empty-error"]))
        await untilSleeping(clock)
        clock.advance(by: .seconds(5))
        let out = try #require(await changes.next())
        #expect(out.paperThreshold == .out)
        #expect(!out.status.canPrint)

        running.cancel()
        clock.cancelAll()
        _ = await running.result
        #expect(await changes.next() == nil)
    }
}
