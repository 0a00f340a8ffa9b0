import Foundation
import Glibc
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

    private func mount(_ arguments: [String]) async throws {
        let result = try await runProgram(URL(fileURLWithPath: "/bin/mount"), arguments)
        try #require(result.status == 0, "mount \(arguments) failed: \(result.standardError)")
    }

    @Test func fullDiskPausesServiceAndFreeingItResumes() async throws {
        let base = try E2E.stateDirectory()
        let state = base + "/small"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        try await mount(["-t", "tmpfs", "-o", "size=32M,mode=0700", "tmpfs", state])
        do {
            let config = base + "/kiosk.toml"
            try "[reader]\ndriver = \"simulator\"\n[printer]\ndriver = \"none\"\n[storage]\nhealth_check_seconds = 1\n"
                .write(toFile: config, atomically: true, encoding: .utf8)
            let seeded = try await KioskProcess.run(["data", "seed-demo", "--state-directory", state])
            #expect(seeded.status == 0, "\(seeded.stderr)")

            // The script remounts between screens: the kiosk runs in the background of this task.
            async let run = PTYScreen().run(
                [E2E.kiosk, "run", "--config", config, "--state-directory", state],
                actions: [
                    .wait("请将身份证放在读卡区"),
                    .markBytes("home"),
                    .wait("暂停服务", timeout: 30),
                    .snapshot("paused"),
                    .tap("李建国"),  // not on screen: input is ignored while paused
                    .wait("请将身份证放在读卡区", timeout: 30),
                    .snapshot("resumed"),
                    .signal("TERM"),
                    .waitExit(10),
                ])
            try await Task.sleep(for: .seconds(3))
            let filler = state + "/filler"
            Self.fill(filler)
            try await Task.sleep(for: .seconds(6))
            try FileManager.default.removeItem(atPath: filler)
            let result = try await run
            #expect(result.error == nil, "\(result.error ?? "")\n\((result.screen ?? []).joined(separator: "\n"))")
            #expect(result.exitCode == 0)
            #expect(try result.snapshot("paused").text.contains("正在自动恢复"))
            #expect(!(try result.snapshot("resumed").text.contains("暂停服务")))
        } catch {
            _ = try? await runProgram(URL(fileURLWithPath: "/bin/umount"), ["-l", state])
            throw error
        }
        _ = try await runProgram(URL(fileURLWithPath: "/bin/umount"), ["-l", state])
    }
}
