import Foundation
import Glibc
import KioskDevices
import Logging

/// Benchmarks of the ID-card reader: card-read latency through a real pty at line speed, and the
/// CPU the reader service uses while polling an empty field.
enum ReaderBench {
    static func run(_ report: inout BenchReport) async throws {
        try await readLatency(&report)
        try await pollingCPU(&report)
    }

    /// Find + select + read of a fresh card through the real driver, the emulator answering at
    /// 115200 baud line speed. The kiosk's overhead is the total minus the line time of the bytes
    /// exchanged (requests and answers at 10 bits per byte).
    static func readLatency(_ report: inout BenchReport) async throws {
        let directory = NSTemporaryDirectory()
        let link = (directory as NSString).appendingPathComponent("kiosk-bench-idcard-\(getpid())")
        let card = SampleCards.resident
        let host = try SAMPTYHost(
            emulator: SAMEmulator(card: card), linkPath: link, baudRate: .b115200, lineSpeed: true)
        host.start()
        defer { host.stop() }
        let serial = try await SerialLink.open(path: link, baudRate: .b115200)
        let client = SAMClient(transport: serial)
        var exchanged = 0
        let timing = try await measureAsync(iterations: 40, warmup: 3) {
            host.emulator.place(card)
            let before = await serial.bytesExchanged()
            guard try await client.findCard(), try await client.selectCard() else {
                throw BenchFailure(message: "the emulated card was not found")
            }
            _ = try await client.readCard()
            exchanged = await serial.bytesExchanged() - before
        }
        await serial.close()
        let line = BaudRate.b115200.lineTime(bytes: exchanged)
        let lineNanoseconds = Double(line.components.seconds) * 1e9 + Double(line.components.attoseconds) / 1e9
        report.add(
            suite: "reader", name: "card read total (find+select+read, 115200 line speed)",
            value: Timing.ms(timing.median), note: "p99 \(Timing.ms(timing.p99)), \(exchanged) bytes on the line")
        report.add(
            suite: "reader", name: "card read line time", value: Timing.ms(lineNanoseconds),
            note: "10 bits/byte at 115200 baud")
        let overhead = Timing(samples: timing.samples.map { $0 - lineNanoseconds })
        report.add(
            suite: "reader", name: "card read kiosk overhead (total - line time)", value: Timing.ms(overhead.median),
            target: "<= 10 ms median", note: "p99 \(Timing.ms(overhead.p99)); includes the in-process emulator")
    }

    /// CPU of this process while the reader service polls an empty field every 300 ms for 5 s.
    static func pollingCPU(_ report: inout BenchReport) async throws {
        let directory = NSTemporaryDirectory()
        let link = (directory as NSString).appendingPathComponent("kiosk-bench-idcard-poll-\(getpid())")
        let host = try SAMPTYHost(emulator: SAMEmulator(), linkPath: link, baudRate: .b115200, lineSpeed: true)
        host.start()
        defer { host.stop() }
        let service = IDCardReaderService(
            connector: SerialConnector(path: link),
            logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        let task = Task { try await service.run() }
        // Let it connect before measuring.
        while service.status.device != .online { try await Task.sleep(for: .milliseconds(10)) }
        let polls = host.emulator.receivedCommands.count
        let (cpuBefore, emulatorBefore, wallBefore) = (cpuSeconds(), host.emulatorCPUTime, ContinuousClock.now)
        try await Task.sleep(for: .seconds(5))
        let (cpuAfter, emulatorAfter, wallAfter) = (cpuSeconds(), host.emulatorCPUTime, ContinuousClock.now)
        task.cancel()
        _ = try? await task.value
        let wall = wallBefore.duration(to: wallAfter)
        let wallSeconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
        let percent = (cpuAfter - cpuBefore) / wallSeconds * 100
        let emulator = emulatorAfter - emulatorBefore
        let emulatorSeconds = Double(emulator.components.seconds) + Double(emulator.components.attoseconds) / 1e18
        let kioskPercent = (cpuAfter - cpuBefore - emulatorSeconds) / wallSeconds * 100
        report.add(
            suite: "reader", name: "CPU while polling, no card (5 s), kiosk side",
            value: String(format: "%.3f %% of a core", kioskPercent), target: "<= 1 %",
            note: "process CPU minus the emulator thread's CLOCK_THREAD_CPUTIME_ID")
        report.add(
            suite: "reader", name: "CPU while polling, no card (5 s), whole process",
            value: String(format: "%.3f %% of a core", percent),
            target: "<= 1 %",
            note: "\(host.emulator.receivedCommands.count - polls) finds; getrusage(RUSAGE_SELF), emulator included")
    }

    /// User + system CPU seconds of this process.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
    }
}

/// A benchmark that could not run as designed.
struct BenchFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
