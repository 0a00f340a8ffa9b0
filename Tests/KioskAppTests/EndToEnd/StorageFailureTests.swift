import Foundation
import Glibc
import KioskTestSupport
import Testing

/// A full disk under the real binary: the state directory sits on a small tmpfs that the test fills
/// up and then frees. The kiosk must show 暂停服务 while the disk is full and resume by itself,
/// without a restart. Needs root to mount the tmpfs; scripts/test runs as root in CI.
@Suite(.enabled(if: PTYScreen.isAvailable && getuid() == 0, "needs root (to mount a tmpfs) and KIOSK_TEST_PYTHON"))
struct StorageFailureTests {
    /// Writes zeros to `path` until the file system says it is full.
    private static func fill(_ path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { close(fd) }
        let block = [UInt8](repeating: 0, count: 64 * 1_024)
        while write(fd, block, block.count) > 0 {}
    }

    /// Receives datagrams on a thread of its own (the cooperative pool stays free for the kiosk's
    /// pty) until one satisfies `done`, or `timeout` seconds pass; returns all received.
    private static func receive(
        on socket: NotifySocket, timeout: Double, until done: @escaping @Sendable ([String]) -> Bool
    ) async -> [String] {
        nonisolated(unsafe) let socket = socket
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let deadline = Date().addingTimeInterval(timeout)
                var received: [String] = []
                while Date() < deadline, !done(received) {
                    if let datagram = socket.receive(timeout: 1) { received.append(datagram) }
                }
                continuation.resume(returning: received)
            }
        }
    }

    private func mount(_ arguments: [String]) async throws {
        let result = try await runProgram(URL(fileURLWithPath: "/bin/mount"), arguments)
        try #require(result.status == 0, "mount \(arguments) failed: \(result.standardError)")
    }

    /// A test's directories: `state` is the small tmpfs, `config` the kiosk.toml beside it in `base`.
    struct SmallState {
        let base: String
        let state: String
        let config: String

        /// `kiosk run` on this configuration and state directory.
        var kioskRun: [String] { [E2E.kiosk, "run", "--config", config, "--state-directory", state] }
    }

    /// Runs `body` with a state directory on a tmpfs of `size` and a configuration (simulated reader,
    /// no printer, then `extraConfig`); the tmpfs is unmounted afterwards, also when `body` throws.
    private func withSmallState(
        size: String, extraConfig: String = "[storage]\nhealth_check_seconds = 1\n",
        _ body: (SmallState) async throws -> Void
    ) async throws {
        let base = try E2E.stateDirectory()
        let state = base + "/small"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        try await mount(["-t", "tmpfs", "-o", "size=\(size),mode=0700", "tmpfs", state])
        do {
            let config = try E2E.writeConfig(E2E.simulatorConfig + extraConfig, in: base)
            try await body(SmallState(base: base, state: state, config: config.path))
        } catch {
            _ = try? await runProgram(URL(fileURLWithPath: "/bin/umount"), ["-l", state])
            throw error
        }
        _ = try await runProgram(URL(fileURLWithPath: "/bin/umount"), ["-l", state])
    }

    @Test func fullDiskPausesServiceAndFreeingItResumes() async throws {
        try await withSmallState(size: "32M") { small in
            let seeded = try await KioskProcess.run(["data", "seed-demo", "--state-directory", small.state])
            #expect(seeded.status == 0, "\(seeded.stderr)")

            // The script remounts between screens: the kiosk runs in the background of this task.
            async let run = PTYScreen().run(
                small.kioskRun,
                actions: [
                    .wait("请将身份证放在读卡区"),
                    .markBytes("home"),
                    .touch(small.base + "/at-home"),
                    .wait("暂停服务", timeout: 30),
                    .snapshot("paused"),
                    .touch(small.base + "/paused"),
                    .tap("李建国"),  // not on screen: input is ignored while paused
                    .wait("请将身份证放在读卡区", timeout: 30),
                    .snapshot("resumed"),
                    .signal("TERM"),
                    .waitExit(10),
                ])
            // The disk fills once the home screen is up, and frees once 暂停服务 is on show.
            try await PTYScreen.waitForFile(small.base + "/at-home", timeout: .seconds(30))
            let filler = small.state + "/filler"
            Self.fill(filler)
            try await PTYScreen.waitForFile(small.base + "/paused", timeout: .seconds(40))
            try FileManager.default.removeItem(atPath: filler)
            let result = try await run
            #expect(result.error == nil, "\(result.error ?? "")\n\((result.screen ?? []).joined(separator: "\n"))")
            #expect(result.exitCode == 0)
            #expect(try result.snapshot("paused").text.contains("正在自动恢复"))
            #expect(!(try result.snapshot("resumed").text.contains("暂停服务")))
        }
    }

    /// How the state directory fails while the kiosk starts.
    enum StartFailure: String, CaseIterable, CustomTestStringConvertible {
        /// The file system is full (`kiosk.sqlite` may or may not exist yet).
        case fullEmpty, fullSeeded
        /// The file system is mounted read-only under an existing database.
        case readOnly

        var testDescription: String { rawValue }
    }

    /// The kiosk starting on a state directory it cannot open the database in (SQLite cannot even
    /// create its `-shm` index there): it used to exit 1 at once ("disk I/O error - while executing
    /// PRAGMA synchronous = FULL"), and with Restart=always and StartLimitAction=reboot a full disk
    /// became a reboot loop. It must show 暂停服务, tell systemd it is up and alive (READY, watchdog
    /// pings, no STOPPING), and start by itself when the space returns, without a restart.
    @Test(arguments: StartFailure.allCases)
    func startingOnABrokenStateDirectoryPausesAndThenStarts(_ failure: StartFailure) async throws {
        try await withSmallState(size: "16M") { small in
            if failure != .fullEmpty {
                let seeded = try await KioskProcess.run(["data", "seed-demo", "--state-directory", small.state])
                #expect(seeded.status == 0, "\(seeded.stderr)")
            }
            let filler = small.state + "/filler"
            switch failure {
            case .fullEmpty, .fullSeeded:
                let dd = try await runProgram(
                    URL(fileURLWithPath: "/bin/dd"), ["if=/dev/zero", "of=\(filler)", "bs=64k"])
                #expect(dd.standardError.contains("No space left"), "\(dd.standardError)")
            case .readOnly:
                try await mount(["-o", "remount,ro", small.state])
            }

            let socket = try NotifySocket(abstract: false)
            let screen = PTYScreen(environment: ["NOTIFY_SOCKET": socket.address, "WATCHDOG_USEC": "1000000"])
            async let run = screen.run(
                small.kioskRun,
                actions: [
                    .wait("暂停服务", timeout: 30),
                    .snapshot("paused"),
                    .tap("暂停服务"),  // input is dropped while paused
                    .wait("请将身份证放在读卡区", timeout: 60),
                    .snapshot("started"),
                    .signal("TERM"),
                    .waitExit(10),
                ])
            // Paused and alive: READY with STATUS=paused, then watchdog pings while it waits.
            let whilePaused = await Self.receive(on: socket, timeout: 60) { received in
                received.contains("READY=1\nSTATUS=paused") && received.filter { $0 == "WATCHDOG=1" }.count >= 3
            }
            switch failure {
            case .fullEmpty, .fullSeeded: try FileManager.default.removeItem(atPath: filler)
            case .readOnly: try await mount(["-o", "remount,rw", small.state])
            }
            let result = try await run
            let afterwards = await Self.receive(on: socket, timeout: 2) { _ in false }
            #expect(result.error == nil, "\(result.error ?? "")\n\((result.screen ?? []).joined(separator: "\n"))")
            #expect(result.exitCode == 0)
            #expect(whilePaused.contains("READY=1\nSTATUS=paused"), "\(whilePaused)")
            #expect(whilePaused.filter { $0 == "WATCHDOG=1" }.count >= 3, "\(whilePaused)")
            #expect(!whilePaused.contains("STOPPING=1"), "\(whilePaused)")
            #expect(afterwards.filter { $0 == "STOPPING=1" }.count == 1, "only the final stop: \(afterwards)")
            #expect(try result.snapshot("paused").text.contains("正在自动恢复"))
            #expect(!(try result.snapshot("started").text.contains("暂停服务")))
        }
    }

    /// `systemctl stop` while the kiosk waits for its database: a clean, quick exit (STOPPING=1,
    /// status 0), not a hang until systemd's SIGKILL.
    @Test func stoppingWhileTheDatabaseCannotBeOpened() async throws {
        try await withSmallState(size: "16M", extraConfig: "") { small in
            Self.fill(small.state + "/filler")
            let socket = try NotifySocket(abstract: false)
            let screen = PTYScreen(environment: ["NOTIFY_SOCKET": socket.address])
            let result = try await screen.run(
                small.kioskRun,
                actions: [.wait("暂停服务", timeout: 30), .signal("TERM"), .waitExit(5)])
            let datagrams = await Self.receive(on: socket, timeout: 2) { _ in false }
            #expect(result.error == nil, "\(result.error ?? "")")
            #expect(result.exitCode == 0)
            #expect(result.termiosRestored)
            #expect(datagrams.last == "STOPPING=1", "\(datagrams)")
        }
    }
}
