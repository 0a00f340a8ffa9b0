import Foundation
import Testing

/// The real `kiosk run` under a real `NOTIFY_SOCKET`: READY after the first frame, watchdog pings,
/// and a graceful stop on SIGTERM well inside systemd's timeout.
@Suite(.enabled(if: PTYScreen.isAvailable, "needs KIOSK_TEST_PYTHON (scripts/test sets it)"))
struct SystemdLifecycleTests {
    @Test func readyWatchdogAndStoppingFromTheRealBinary() async throws {
        let state = try E2E.stateDirectory()
        let config = try E2E.writeConfig(in: state)
        let socket = try NotifySocket(abstract: false)
        let screen = PTYScreen(environment: ["NOTIFY_SOCKET": socket.address, "WATCHDOG_USEC": "1000000"])
        let started = ContinuousClock.now
        let result = try await screen.run(
            [E2E.kiosk, "run", "--config", config.path, "--state-directory", state],
            actions: [.wait("请将身份证放在读卡区"), .sleep(2), .signal("TERM"), .waitExit(10)])
        let elapsed = ContinuousClock.now - started
        #expect(result.error == nil, "\(result.error ?? "")")
        #expect(result.exitCode == 0)
        #expect(elapsed < .seconds(20))

        var datagrams: [String] = []
        while let datagram = socket.receive(timeout: 1) { datagrams.append(datagram) }
        #expect(datagrams.first?.hasPrefix("READY=1\nSTATUS=") == true, "\(datagrams)")
        #expect(datagrams.filter { $0 == "WATCHDOG=1" }.count >= 2, "pings every 0.5 s for 2 s: \(datagrams)")
        #expect(datagrams.last == "STOPPING=1", "\(datagrams)")
    }
}
