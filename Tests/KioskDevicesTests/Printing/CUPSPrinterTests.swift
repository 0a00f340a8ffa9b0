import Foundation
import KioskCore
import Testing

@testable import KioskDevices

/// Printing through a real cupsd (scripts/cups-fixture). Serialized: the tests share its queues.
/// Enabled when KIOSK_TEST_CUPS_SERVER is set (always under scripts/test).
@Suite(.serialized, .enabled(if: CUPSFixture.available, "needs scripts/cups-fixture (KIOSK_TEST_CUPS_SERVER)"))
struct CUPSPrinterTests {
    let fixture: CUPSFixture

    init() throws {
        fixture = try CUPSFixture.fromEnvironment()
    }

    static let receipt = ESCPOSEncoderTests.slip

    /// Polls (bounded, against a real cupsd) until `condition` holds.
    private func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<100 {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    @Test func printsAndCompletesWithTheExactBytes() async throws {
        let printer = CUPSPrinter(queue: fixture.queue, server: fixture.server, profile: .mm58)
        let outcome = try await printer.print(Self.receipt, session: PrintSessionID("capture"))
        let jobID = try #require(outcome.jobID)
        let file = fixture.captureDirectory.appendingPathComponent("job-\(jobID).bin")
        // Completed means the backend finished: the capture is already there.
        let bytes = try [UInt8](Data(contentsOf: file))
        #expect(bytes == (try ESCPOSEncoder(profile: .mm58).encode(Self.receipt)).bytes)
        #expect(outcome.bytesHash == PrintReport.hash(of: bytes))
        let document = try ESCPOSReader.read(bytes)
        #expect(document.texts.contains("办件编号：BJ2026-000123"))
        #expect(document.texts.contains("监督电话：12345"))
        let raster = try #require(document.rasters.first)
        let url = try #require(try ZBar.decode(pbm: raster.pbm))
        #expect(url.hasPrefix("https://zwfw.example.gov.cn/q?id=BJ2026-000123&t="))
    }

    @Test func statusOfAnIdleQueue() async throws {
        let printer = CUPSPrinter(queue: fixture.queue, server: fixture.server, profile: .mm58)
        let status = await printer.status()
        #expect(status.device == .online)
        #expect(status.acceptingJobs)
        #expect(status.canPrint)
        let missing = await CUPSPrinter(queue: "no-such-queue", server: fixture.server, profile: .mm58).status()
        #expect(missing.device == .noDevice)
    }

    @Test func paperOutCancelsTheJobAndNothingPrintsAfterRefill() async throws {
        try fixture.set(fixture.control, "paperout")
        try fixture.client(["/usr/sbin/cupsenable", fixture.paperOutQueue])
        let before = try fixture.captured(in: fixture.paperOutCaptureDirectory)
        let printer = CUPSPrinter(queue: fixture.paperOutQueue, server: fixture.server, profile: .mm58)

        await #expect {
            _ = try await printer.print(Self.receipt, session: PrintSessionID("paper"))
        } throws: { error in
            (error as? PrintError)?.isPaperOut == true
        }
        let status = await printer.status()
        #expect(status.paper == .out)
        #expect(status.device == .userError)
        #expect(!status.canPrint)
        // The kiosk's job is gone from the queue (cancelled, not waiting for paper).
        #expect(try fixture.client(["/usr/bin/lpstat", "-o", fixture.paperOutQueue]).isEmpty)

        // Refill the paper and restart the queue: the cancelled receipt must not come out.
        try fixture.set(fixture.control, "ok")
        try fixture.client(["/usr/sbin/cupsenable", fixture.paperOutQueue])
        // CUPS keeps media-empty-error until the backend runs again; the queue is no longer paused.
        let resumed = try await eventually { await !printer.status().reasons.contains("paused") }
        #expect(resumed)

        // A deliberate reprint works and is the only new capture: the queue prints in order, so had
        // the cancelled receipt still been queued it would have come out before this one.
        let outcome = try await printer.print(Self.receipt, session: PrintSessionID("paper"))
        #expect(
            try fixture.captured(in: fixture.paperOutCaptureDirectory)
                == (before + ["job-\(outcome.jobID!).bin"]).sorted()
        )
        #expect(await printer.status().paper != .out)
        try fixture.set(fixture.control, "paperout")
    }

    @Test func endingTheSessionCancelsItsPendingJob() async throws {
        try fixture.set(fixture.slowControl, "hold")
        let before = try fixture.captured(in: fixture.slowCaptureDirectory)
        let printer = CUPSPrinter(queue: fixture.slowQueue, server: fixture.server, profile: .mm58)
        let session = PrintSessionID("citizen-1")
        let job = Task { try await printer.print(Self.receipt, session: session) }
        // The printer is busy with the job: busy, not offline.
        let busy = try await eventually { await printer.status().device == .deviceBusy }
        #expect(busy)
        await printer.cancelPending(session: session)
        let result = await job.result
        #expect(throws: PrintError.self) { try result.get() }
        if case .failure(let error) = result { #expect((error as? PrintError)?.isCanceled == true) }
        try fixture.set(fixture.slowControl, "ok")
        let idle = try await eventually { await printer.status().device == .online }
        #expect(idle)
        #expect(try fixture.captured(in: fixture.slowCaptureDirectory) == before)
        try fixture.set(fixture.slowControl, "hold")
    }

    @Test func aJobPastItsDeadlineIsCancelled() async throws {
        try fixture.set(fixture.slowControl, "hold")
        let before = try fixture.captured(in: fixture.slowCaptureDirectory)
        let printer = CUPSPrinter(
            queue: fixture.slowQueue,
            server: fixture.server,
            profile: .mm58,
            deadline: .seconds(1)
        )
        await #expect {
            _ = try await printer.print(Self.receipt, session: PrintSessionID("slow"))
        } throws: { error in
            (error as? PrintError)?.isTimeout == true
        }
        #expect(try fixture.client(["/usr/bin/lpstat", "-o", fixture.slowQueue]).isEmpty)
        try fixture.set(fixture.slowControl, "ok")
        // A sentinel job after it: the queue prints in order, so once the sentinel is out, the timed-out
        // receipt would have been out before it had it not been cancelled.
        let sentinel = try await CUPSPrinter(queue: fixture.slowQueue, server: fixture.server, profile: .mm58)
            .print(Self.receipt, session: PrintSessionID("sentinel"))
        #expect(
            try fixture.captured(in: fixture.slowCaptureDirectory) == (before + ["job-\(sentinel.jobID!).bin"]).sorted()
        )
        try fixture.set(fixture.slowControl, "hold")
    }

    @Test func aRestartedCupsdIsSurvived() async throws {
        // A private cupsd, so stopping and restarting it does not disturb other tests.
        let own = try CUPSFixture.startPrivate()
        defer { try? own.stop() }
        let printer = CUPSPrinter(queue: own.queue, server: own.server, profile: .mm58, deadline: .seconds(20))
        let first = try await printer.print(Self.receipt, session: PrintSessionID("restart"))

        // cupsd restarts between two receipts: the same printer object reconnects.
        try own.restart()
        let second = try await printer.print(Self.receipt, session: PrintSessionID("restart"))
        #expect(second.jobID != first.jobID)

        // cupsd is down: the status says so truthfully, and printing fails instead of hanging.
        try own.stop()
        let down = await printer.status()
        #expect(down.device == .offline)
        #expect(!down.canPrint)
        await #expect(throws: PrintError.self) {
            _ = try await printer.print(Self.receipt, session: PrintSessionID("restart"))
        }

        // And back up again.
        try own.restart()
        #expect(await printer.status().device == .online)
        let third = try await printer.print(Self.receipt, session: PrintSessionID("restart"))
        for outcome in [first, second, third] {
            let file = own.captureDirectory.appendingPathComponent("job-\(outcome.jobID!).bin")
            #expect(
                try [UInt8](Data(contentsOf: file)) == (try ESCPOSEncoder(profile: .mm58).encode(Self.receipt)).bytes
            )
        }
    }

    @Test func aCupsdRestartedWhileTheJobPrintsIsSurvived() async throws {
        let own = try CUPSFixture.startPrivate()
        defer { try? own.stop() }
        let printer = CUPSPrinter(queue: own.slowQueue, server: own.server, profile: .mm58, deadline: .seconds(30))
        try own.set(own.slowControl, "hold")
        let job = Task { try await printer.print(Self.receipt, session: PrintSessionID("restart")) }
        let busy = try await eventually { await printer.status().device == .deviceBusy }
        #expect(busy)
        // cupsd goes down while the backend is printing; the job is requeued and the kiosk keeps
        // following it through the reconnect until it completes.
        try own.restart()
        try own.set(own.slowControl, "ok")
        let outcome = try await job.value
        let file = own.slowCaptureDirectory.appendingPathComponent("job-\(outcome.jobID!).bin")
        #expect(try [UInt8](Data(contentsOf: file)) == (try ESCPOSEncoder(profile: .mm58).encode(Self.receipt)).bytes)
    }
}
