import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The systemd notification protocol (sd_notify(3)) without libsystemd: one `AF_UNIX` datagram of
/// newline-separated `KEY=value` lines to the socket named by `$NOTIFY_SOCKET`.
///
/// A path starting with `@` names a socket in the abstract namespace. When the variable is unset
/// (development, tests, `kiosk demo` outside systemd) every call does nothing.
package struct SystemdNotifier: Sendable {
    /// The socket address from `$NOTIFY_SOCKET`, or `nil` when not running under systemd.
    package let socketPath: String?
    /// How often to send `WATCHDOG=1`: half of `$WATCHDOG_USEC`, or `nil` when the watchdog is off.
    ///
    /// `$WATCHDOG_PID` is deliberately not checked: under kmscon or cage the kiosk is a child of the
    /// terminal and sees that process's PID there (terminal.md §3), yet `NotifyAccess=all` accepts it.
    package let watchdogInterval: Duration?

    package init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let path = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        socketPath = path
        if path != nil, let text = environment["WATCHDOG_USEC"], let usec = UInt64(text), usec > 0 {
            watchdogInterval = .microseconds(Int64(usec / 2))
        } else {
            watchdogInterval = nil
        }
    }

    /// `true` when a notification socket is configured.
    package var isEnabled: Bool { socketPath != nil }

    /// Tells systemd the program is ready (the kiosk: after the first frame is on screen).
    package func ready(status: String? = nil) throws {
        try send(["READY=1"] + (status.map { ["STATUS=" + $0] } ?? []))
    }

    /// Updates the status line shown by `systemctl status`.
    package func status(_ text: String) throws { try send(["STATUS=" + text]) }

    /// Keeps the watchdog from firing.
    package func watchdog() throws { try send(["WATCHDOG=1"]) }

    /// Tells systemd a graceful stop has begun.
    package func stopping() throws { try send(["STOPPING=1"]) }

    /// Sends one datagram with the given `KEY=value` lines. Newlines inside values are replaced by
    /// spaces so a status text cannot inject another assignment.
    package func send(_ assignments: [String]) throws {
        guard let socketPath else { return }
        let payload = assignments.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n")
        try UnixDatagram.send(Array(payload.utf8), to: socketPath)
    }
}

/// A notification could not be sent; carries the failing call and errno.
package struct NotifyError: Error, CustomStringConvertible {
    package let call: String
    package let errno: Int32

    package var description: String {
        "sd_notify: \(call) failed: \(String(cString: strerror(errno))) (errno \(errno))"
    }
}
