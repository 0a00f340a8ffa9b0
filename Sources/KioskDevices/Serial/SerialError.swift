import Glibc

/// A failed serial-port operation: which call, on which path, with which `errno`.
package struct SerialError: Error, CustomStringConvertible, Sendable, Equatable {
    private enum Base: Equatable {
        case system(call: String, errno: Int32)
        case timedOut(operation: String)
        case hangUp
        case unsupportedBaudRate(Int)
        case closed
    }

    private let base: Base
    /// The device path, when known.
    package let path: String

    private init(_ base: Base, path: String) {
        self.base = base
        self.path = path
    }

    /// A system call failed with `errno`.
    package static func system(_ call: String, errno: Int32, path: String) -> SerialError {
        SerialError(.system(call: call, errno: errno), path: path)
    }

    /// No byte arrived before the deadline.
    package static func timedOut(_ operation: String, path: String) -> SerialError {
        SerialError(.timedOut(operation: operation), path: path)
    }

    /// The other end went away (POLLHUP/POLLERR: device unplugged, pty master closed).
    package static func hangUp(path: String) -> SerialError { SerialError(.hangUp, path: path) }

    /// The configured speed is not one of 115200/57600/38400/19200/9600.
    package static func unsupportedBaudRate(_ rate: Int, path: String) -> SerialError {
        SerialError(.unsupportedBaudRate(rate), path: path)
    }

    /// The port was used after `close()`.
    package static func closed(path: String) -> SerialError { SerialError(.closed, path: path) }

    /// The `errno` of a failed system call, `nil` for other errors.
    package var errno: Int32? {
        if case .system(_, let code) = base { return code }
        return nil
    }

    /// The name of the failed system call, `nil` for other errors.
    package var call: String? {
        if case .system(let call, _) = base { return call }
        return nil
    }

    /// `true` for a deadline that passed without data.
    package var isTimeout: Bool {
        if case .timedOut = base { return true }
        return false
    }

    /// `true` when the device is gone (hang-up, EIO, ENXIO, ENODEV, ENOENT, EBADF): close and reopen.
    package var isDeviceLost: Bool {
        switch base {
        case .hangUp, .closed: return true
        case .system(_, let code): return [EIO, ENXIO, ENODEV, ENOENT, EBADF].contains(code)
        case .timedOut, .unsupportedBaudRate: return false
        }
    }

    package var description: String {
        switch base {
        case .system(let call, let code):
            return "\(call)(\(path)) failed: \(String(cString: strerror(code))) (errno \(code))"
        case .timedOut(let operation):
            return "\(operation) on \(path) timed out"
        case .hangUp:
            return "\(path) hung up (device unplugged?)"
        case .unsupportedBaudRate(let rate):
            return "baud rate \(rate) is not supported on \(path) (use 115200, 57600, 38400, 19200 or 9600)"
        case .closed:
            return "\(path) is closed"
        }
    }
}
