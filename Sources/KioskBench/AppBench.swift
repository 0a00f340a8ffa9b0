import Foundation
import Glibc
import KioskDevices
import Synchronization

/// Benchmarks of the whole program: the real `kiosk` binary in a pseudo-terminal, with the SAM
/// emulator serving the real protocol on a second pseudo-terminal.
///
/// - First frame after exec and resident memory (issue 3: ≤ 100 ms, ≤ 30 MB).
/// - From card detected to the citizen's applications on screen at 115200 baud with the emulator
///   sending at line speed (issue 6: ≤ 130 ms; the line itself needs about 118 ms). The clock starts
///   when the emulator receives the first find command after the card was placed, so the reader's
///   poll interval (a configured sampling period, 300 ms by default) is not counted.
/// - Resident memory after 1,000 sessions (or `--sessions N`) against after 10 (issue 6: equal
///   within noise).
enum AppBench {
    static func run(_ report: inout BenchReport, sessions count: Int) async throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("kiosk")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            report.add(suite: "app", name: "skipped", value: "-", note: "no kiosk binary next to kiosk-bench")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try firstFrame(binary: binary, directory: directory, report: &report)
        let latencies = try sessions(30, lineSpeed: true, binary: binary, directory: directory).latencies
        let timing = Timing(samples: latencies.dropFirst(5).map { $0 * 1_000_000 })
        report.add(
            suite: "app", name: "card detected → applications on screen, 115200 line speed (median, p99)",
            value: String(format: "%.1f ms, %.1f ms", timing.median / 1e6, timing.p99 / 1e6),
            target: "≤ 130 ms", note: "line time of find+select+read ≈ 118 ms")
        let checkpoints = [10, 100, 1_000, 10_000, 100_000].filter { $0 <= max(count, 10) }
        let resident = try sessions(
            max(count, 10), lineSpeed: false, binary: binary, directory: directory, checkpoints: checkpoints
        ).resident
        report.add(
            suite: "app",
            name: "resident memory after " + checkpoints.map { "\($0)" }.joined(separator: " / ") + " sessions",
            value: checkpoints.map { String(format: "%.1f MB", Double(resident[$0] ?? 0) / 1_024) }
                .joined(separator: " / "),
            target: "equal within noise")
    }

    private static func firstFrame(binary: URL, directory: URL, report: inout BenchReport) throws {
        var times: [Double] = []
        var resident: [Int] = []
        for round in 0..<20 {
            let state = directory.appendingPathComponent("demo-\(round)").path
            let kiosk = try ScreenProcess(binary: binary, arguments: ["demo", "--state-directory", state])
            let start = kiosk.started
            guard let shown = kiosk.notifications.waitFor("READY=1", timeout: 10) else {
                kiosk.stop()
                throw BenchFailure(
                    message:
                        "the home screen did not appear (round \(round), \(kiosk.notifications.count) notifications at \(kiosk.notifications.path))"
                )
            }
            if round > 0 { times.append(shown.timeIntervalSince(start) * 1_000) }  // first run warms the disk cache
            resident.append(kiosk.residentKilobytes())
            kiosk.stop()
        }
        let timing = Timing(samples: times.map { $0 * 1_000_000 })
        report.add(
            suite: "app", name: "first frame of kiosk demo after exec (median, p99)",
            value: String(format: "%.1f ms, %.1f ms", timing.median / 1e6, timing.p99 / 1e6), target: "≤ 100 ms")
        report.add(
            suite: "app", name: "resident memory at the first frame (max)",
            value: String(format: "%.1f MB", Double(resident.max() ?? 0) / 1_024), target: "≤ 30 MB")
    }

    /// Runs `count` card sessions (place, list on screen, remove, home) against `kiosk run` with the
    /// serial driver; returns the detection-to-screen latencies (ms) and the resident memory (kB)
    /// after each of `checkpoints` sessions.
    private static func sessions(
        _ count: Int, lineSpeed: Bool, binary: URL, directory: URL, checkpoints: [Int] = []
    ) throws
        -> (latencies: [Double], resident: [Int: Int])
    {
        let state = directory.appendingPathComponent("run-\(count)").path
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let link = directory.appendingPathComponent("idcard-\(count)").path
        let host = try SAMPTYHost(emulator: SAMEmulator(), linkPath: link, baudRate: .b115200, lineSpeed: lineSpeed)
        host.start()
        defer { host.stop() }
        let config = directory.appendingPathComponent("kiosk.toml")
        try """
        [reader]
        driver = "serial"
        port = "\(link)"
        baud = 115200
        poll_interval_ms = 50
        [printer]
        driver = "none"
        """.write(to: config, atomically: true, encoding: .utf8)
        let seed = Process()
        seed.executableURL = binary
        seed.arguments = ["data", "seed-demo", "--state-directory", state]
        seed.standardOutput = FileHandle.nullDevice
        seed.standardError = FileHandle.nullDevice
        try seed.run()
        seed.waitUntilExit()

        let kiosk = try ScreenProcess(
            binary: binary, arguments: ["run", "--config", config.path, "--state-directory", state])
        defer { kiosk.stop() }
        guard kiosk.notifications.waitFor("READY=1", timeout: 10) != nil else {
            throw BenchFailure(message: "no home screen")
        }

        let card = try SampleCardsLookup.resident()
        var latencies: [Double] = []
        var residentAfter: [Int: Int] = [:]
        for session in 1...count {
            let before = host.emulator.receivedCommands.count
            let mark = kiosk.notifications.count
            host.emulator.place(card)
            // The clock starts when the next find reaches the emulator.
            while host.emulator.receivedCommands.count == before { usleep(200) }
            let detected = Date()
            guard let shown = kiosk.notifications.waitFor("STATUS=caseFiles", after: mark, timeout: 10) else {
                throw BenchFailure(message: "the applications did not appear in session \(session): \(kiosk.tail)")
            }
            latencies.append(shown.timeIntervalSince(detected) * 1_000)
            let homeMark = kiosk.notifications.count
            host.emulator.remove()
            guard kiosk.notifications.waitFor("STATUS=home", after: homeMark, timeout: 10) != nil else {
                throw BenchFailure(message: "the home screen did not come back in session \(session)")
            }
            if checkpoints.contains(session) {
                usleep(500_000)
                residentAfter[session] = kiosk.residentKilobytes()
            }
        }
        return (latencies, residentAfter)
    }
}

/// The sample card the bench places.
enum SampleCardsLookup {
    static func resident() throws -> CardRecord {
        guard let card = SampleCards.named("resident") else { throw BenchFailure(message: "no sample card 'resident'") }
        return card
    }
}

/// The real binary on a 120×40 pseudo-terminal whose output is collected by a reader thread.
final class ScreenProcess: @unchecked Sendable {
    let process = Process()
    let started: Date
    private let master: Int32
    private let slave: Int32
    private let output = OutputLog()

    /// The kiosk's systemd notifications (`READY=1`, `STATUS=<screen>`), stamped on arrival.
    let notifications: NotifyListener

    /// Starts `binary` on a fresh pseudo-terminal; its standard error goes to ``BenchLog``.
    init(
        binary: URL, arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        notifications = try NotifyListener()
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw BenchFailure(message: "openpty failed") }
        self.master = master
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        self.slave = slave
        process.executableURL = binary
        process.arguments = arguments
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = BenchLog.standardError(environment: environment)
        var environment = environment
        environment["LANG"] = "C.UTF-8"
        environment["NOTIFY_SOCKET"] = notifications.path
        process.environment = environment
        started = Date()
        try process.run()
        let reader = master
        let output = self.output
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(reader, &buffer, buffer.count)
                if count <= 0 {
                    close(reader)  // owned by this thread, see NotifyListener
                    return
                }
                let now = Date()
                output.state.withLock { state in
                    state.bytes += buffer[..<count]
                    state.stamps.append((state.bytes.count, now))
                }
            }
        }
    }

    /// The last bytes received, as text (for failure messages).
    var tail: String { output.state.withLock { String(decoding: $0.bytes.suffix(600), as: UTF8.self) } }

    /// Bytes received so far.
    var outputCount: Int { output.state.withLock { $0.bytes.count } }

    /// When `text` first appeared in the output after byte `after`, or `nil` after `timeout` seconds.
    func waitFor(_ text: String, after: Int = 0, timeout: Double) -> Date? {
        let needle = Array(text.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let found: Date? = output.state.withLock { state in
                guard state.bytes.count > after else { return nil }
                let haystack = state.bytes[after...]
                guard let range = haystack.firstRange(of: needle) else { return nil }
                return state.stamps.first { $0.0 >= range.upperBound }?.1
            }
            if let found { return found }
            usleep(500)
        }
        return nil
    }

    /// VmRSS of the process, in kilobytes.
    func residentKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        close(slave)  // the reader thread sees EIO and closes the master
        notifications.close()
    }
}

/// What the terminal received, with the time each chunk arrived.
final class OutputLog: Sendable {
    let state = Mutex<(bytes: [UInt8], stamps: [(Int, Date)])>(([], []))
}

/// A systemd notification socket: records every datagram with its arrival time.
final class NotifyListener: @unchecked Sendable {
    let path: String
    private let fd: Int32
    private let log = NotificationLog()

    init() throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent(
                "kiosk-bench-notify-\(UUID().uuidString.prefix(8))"
            ).path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard fd >= 0, bound == 0 else { throw BenchFailure(message: "cannot bind \(path)") }
        let socketFD = fd
        let log = self.log
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 4_096)
            while true {
                let count = recv(socketFD, &buffer, buffer.count, 0)
                // The thread owns the descriptor: closing it anywhere else could let a new socket
                // reuse the number while this thread still reads it.
                if count <= 0 {
                    Glibc.close(socketFD)
                    return
                }
                let now = Date()
                let text = String(decoding: buffer[..<count], as: UTF8.self)
                log.entries.withLock { $0.append((text, now)) }
            }
        }
    }

    /// How many datagrams arrived so far.
    var count: Int { log.entries.withLock { $0.count } }

    /// When a datagram containing `text` arrived after the first `after` ones, or `nil` after `timeout` s.
    func waitFor(_ text: String, after: Int = 0, timeout: Double) -> Date? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let found = log.entries.withLock { entries in entries.dropFirst(after).first { $0.0.contains(text) }?.1 }
            if let found { return found }
            usleep(200)
        }
        return nil
    }

    /// Ends the reader thread (which then closes the socket) and removes the path.
    func close() {
        shutdown(fd, Int32(SHUT_RDWR))
        unlink(path)
    }
}

/// Datagrams received, with their arrival time.
final class NotificationLog: Sendable {
    let entries = Mutex<[(String, Date)]>([])
}
