import Glibc
import Synchronization

/// The number of sessions that can receive SIGWINCH at the same time.
private let wakeupSlotCount = 32
/// Write ends of the sessions' wake-up pipes, read by the SIGWINCH handler: a fixed C table written only under
/// `registration`, so the handler stays async-signal-safe (it loads aligned integers and calls `write(2)`).
private nonisolated(unsafe) let wakeupSlots: UnsafeMutablePointer<Int32> = {
    let table = UnsafeMutablePointer<Int32>.allocate(capacity: wakeupSlotCount)
    table.initialize(repeating: -1, count: wakeupSlotCount)
    return table
}()
/// Guards registration and the one-time handler installation.
private let registration = Mutex<Bool>(false)

/// Routes SIGWINCH to every open session by writing a byte into its wake-up pipe.
enum SignalWakeups {
    /// The byte written for SIGWINCH.
    static let resizeByte: UInt8 = UInt8(ascii: "w")

    /// Installs the SIGWINCH handler (once) and registers `fd`, the write end of a non-blocking pipe.
    /// - Returns: false when all slots are taken (the session then never sees resizes).
    static func register(_ fd: Int32) -> Bool {
        registration.withLock { installed in
            if !installed {
                var action = sigaction()
                action.__sigaction_handler.sa_handler = { _ in
                    let savedErrno = errno
                    var byte = SignalWakeups.resizeByte
                    for index in 0..<wakeupSlotCount {
                        let fd = wakeupSlots[index]
                        if fd >= 0 { _ = write(fd, &byte, 1) }
                    }
                    errno = savedErrno
                }
                action.sa_flags = SA_RESTART
                sigemptyset(&action.sa_mask)
                sigaction(SIGWINCH, &action, nil)
                installed = true
            }
            for index in 0..<wakeupSlotCount where wakeupSlots[index] == -1 {
                wakeupSlots[index] = fd
                return true
            }
            return false
        }
    }

    /// Removes `fd` from the table.
    static func unregister(_ fd: Int32) {
        registration.withLock { _ in
            for index in 0..<wakeupSlotCount where wakeupSlots[index] == fd { wakeupSlots[index] = -1 }
        }
    }
}

/// The kiosk-mode signal policy: SIGINT, SIGQUIT, SIGTSTP and SIGHUP ignored, previous dispositions restorable.
struct IgnoredSignals: Sendable {
    /// The signals ignored in kiosk mode.
    static let signals: [Int32] = [SIGINT, SIGQUIT, SIGTSTP, SIGHUP]

    private var previous: [(Int32, UInt)] = []

    /// Ignores the kiosk-mode signals, remembering their previous handlers.
    static func ignore() -> IgnoredSignals {
        var result = IgnoredSignals()
        for signal in signals {
            let old = Glibc.signal(signal, SIG_IGN)
            result.previous.append((signal, unsafeBitCast(old, to: UInt.self)))
        }
        return result
    }

    /// Puts the previous handlers back.
    func restore() {
        for (signal, handler) in previous {
            _ = Glibc.signal(signal, unsafeBitCast(handler, to: __sighandler_t.self))
        }
    }
}
