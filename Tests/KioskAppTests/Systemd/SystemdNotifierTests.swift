import Foundation
import Glibc
import KioskCore
import Testing

@testable import KioskApp

/// A real `AF_UNIX` datagram socket standing in for systemd's notification socket.
final class NotifySocket {
    let fd: Int32
    /// The value `$NOTIFY_SOCKET` would hold: a path, or `@name` for the abstract namespace.
    let address: String

    init(abstract: Bool) throws {
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.init(rawValue: errno)!) }
        let name = "kiosk-notify-\(UUID().uuidString.prefix(8))"
        if abstract {
            address = "@" + name
        } else {
            address = FileManager.default.temporaryDirectory.appending(path: name).path
        }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(address.utf8)
        if abstract { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &addr.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (abstract ? 0 : 1))
        let result = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard result == 0 else { throw POSIXError(.init(rawValue: errno)!) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Receives one datagram (waiting at most `timeout` seconds), or `nil` on timeout.
    func receive(timeout: Int32 = 5) -> String? {
        var pollfd = Glibc.pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pollfd, 1, timeout * 1000) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// `true` when a datagram is waiting right now.
    func hasPending() -> Bool {
        var pollfd = Glibc.pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&pollfd, 1, 0) > 0
    }

    deinit {
        close(fd)
        if !address.hasPrefix("@") { unlink(address) }
    }
}

@Suite struct SystemdNotifierTests {
    @Test(arguments: [false, true])
    func sendsDatagramsToPathAndAbstractSockets(abstract: Bool) throws {
        let socket = try NotifySocket(abstract: abstract)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.address])
        #expect(notifier.isEnabled)
        try notifier.ready(status: "首页")
        #expect(socket.receive() == "READY=1\nSTATUS=首页")
        try notifier.watchdog()
        #expect(socket.receive() == "WATCHDOG=1")
        try notifier.status("line\nREADY=1")
        #expect(socket.receive() == "STATUS=line READY=1")
        try notifier.stopping()
        #expect(socket.receive() == "STOPPING=1")
    }

    @Test func unsetVariableSendsNothing() throws {
        let notifier = SystemdNotifier(environment: ["WATCHDOG_USEC": "30000000"])
        #expect(!notifier.isEnabled)
        #expect(notifier.watchdogInterval == nil)
        try notifier.ready()
    }

    @Test func watchdogIntervalIsHalfOfWatchdogUsec() {
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "30000000"])
        #expect(notifier.watchdogInterval == .seconds(15))
    }

    @Test func missingSocketIsAnErrorWithTheCall() throws {
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": "/nonexistent/notify"])
        let error = try #require(throws: NotifyError.self) { try notifier.ready() }
        #expect(error.call == "sendto")
        #expect(error.errno == ENOENT)
    }

    @Test func watchdogScheduleRateLimitsPings() {
        let clock = ContinuousClock()
        let start = clock.now
        var schedule = WatchdogSchedule<ContinuousClock.Instant>(interval: .seconds(15))
        let due = [0, 14, 15, 20, 30].map { schedule.pingIsDue(at: start.advanced(by: .seconds($0))) }
        #expect(due == [true, false, true, false, true])
    }
}
