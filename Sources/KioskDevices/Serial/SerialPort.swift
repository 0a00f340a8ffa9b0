import Glibc
import KioskCore

/// A serial device opened raw 8N1 at a fixed speed: a thin termios wrapper in the style of swift-system.
///
/// Opening uses `O_NOCTTY|O_NONBLOCK|O_CLOEXEC`, claims the line with `TIOCEXCL`, sets raw mode
/// (`cfmakeraw`, `CS8|CLOCAL|CREAD`, no parity, one stop bit, no flow control, `VMIN=0 VTIME=0`)
/// and discards whatever was waiting (`tcflush(TCIOFLUSH)`). Reads wait with `poll(2)` until a
/// deadline; every call retries on `EINTR` and throws ``SerialError`` naming the call and `errno`.
///
/// The calls block the calling thread for at most the deadline: use the port from a dedicated
/// thread or dispatch queue (``SerialLink`` does), never from Swift's cooperative pool. The type is
/// not `Sendable`: one owner at a time.
package final class SerialPort {
    /// The device path as given to ``open(path:baudRate:)``.
    package let path: String
    /// The configured speed.
    package let baudRate: BaudRate
    private var descriptor: Int32

    private init(path: String, baudRate: BaudRate, descriptor: Int32) {
        self.path = path
        self.baudRate = baudRate
        self.descriptor = descriptor
    }

    deinit {
        if descriptor >= 0 { Glibc.close(descriptor) }
    }

    /// Opens and configures `path` (`open`, `ioctl(TIOCEXCL)`, `tcgetattr`, `cfmakeraw`,
    /// `cfsetispeed`/`cfsetospeed`, `tcsetattr`, `tcflush`).
    ///
    /// - Throws: ``SerialError`` naming the failing call; the descriptor is closed on failure.
    package static func open(path: String, baudRate: BaudRate) throws(SerialError) -> SerialPort {
        let fd = try retryingOnInterrupt("open", path: path) {
            Glibc.open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        }
        let port = SerialPort(path: path, baudRate: baudRate, descriptor: fd)
        try port.configure()
        return port
    }

    /// Applies exclusive access, raw 8N1 and the speed, then flushes both queues.
    private func configure() throws(SerialError) {
        let fd = descriptor
        try retryingOnInterrupt("ioctl(TIOCEXCL)", path: path) { ioctl(fd, UInt(TIOCEXCL)) }
        var settings = termios()
        try retryingOnInterrupt("tcgetattr", path: path) { tcgetattr(fd, &settings) }
        cfmakeraw(&settings)
        settings.c_cflag &= ~(tcflag_t(CSIZE) | tcflag_t(PARENB) | tcflag_t(CSTOPB) | tcflag_t(CRTSCTS))
        settings.c_cflag |= tcflag_t(CS8) | tcflag_t(CLOCAL) | tcflag_t(CREAD)
        settings.c_iflag &= ~(tcflag_t(IXON) | tcflag_t(IXOFF) | tcflag_t(IXANY))
        withUnsafeMutableBytes(of: &settings.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        let speed = baudRate.speed
        try retryingOnInterrupt("cfsetispeed", path: path) { cfsetispeed(&settings, speed) }
        try retryingOnInterrupt("cfsetospeed", path: path) { cfsetospeed(&settings, speed) }
        try retryingOnInterrupt("tcsetattr", path: path) { tcsetattr(fd, TCSANOW, &settings) }
        try retryingOnInterrupt("tcflush", path: path) { tcflush(fd, TCIOFLUSH) }
    }

    /// `true` until ``close()``.
    package var isOpen: Bool { descriptor >= 0 }

    /// Discards bytes received but not read (`tcflush(TCIFLUSH)`): stale answers, line noise.
    package func discardInput() throws(SerialError) {
        let fd = try openDescriptor()
        try retryingOnInterrupt("tcflush", path: path) { tcflush(fd, TCIFLUSH) }
    }

    /// Writes every byte, waiting with `poll(POLLOUT)` when the driver's queue is full.
    ///
    /// - Parameter deadline: monotonic nanoseconds (see ``monotonicNanoseconds()``) after which it throws.
    package func write(_ bytes: [UInt8], deadline: Int64) throws(SerialError) {
        let fd = try openDescriptor()
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
            }
            if result >= 0 {
                written += result
                continue
            }
            let code = errno
            switch code {
            case EINTR: continue
            case EAGAIN: try waitFor(Int16(POLLOUT), deadline: deadline, operation: "write")
            default: throw SerialError.system("write", errno: code, path: path)
            }
        }
    }

    /// Reads what is available, waiting with `poll(POLLIN)` until at least one byte arrives or the
    /// deadline passes.
    ///
    /// - Parameters:
    ///   - maximumCount: the most bytes to return.
    ///   - deadline: monotonic nanoseconds.
    /// - Returns: one or more bytes.
    /// - Throws: ``SerialError`` (`timedOut`, `hangUp`, or a failed `poll`/`read`).
    package func read(maximumCount: Int, deadline: Int64) throws(SerialError) -> [UInt8] {
        let fd = try openDescriptor()
        var buffer = [UInt8](repeating: 0, count: maximumCount)
        // The scratch buffer may hold a card's text block: zeroed before it is released (rule R5).
        defer { SecureWipe.wipe(&buffer) }
        while true {
            try waitFor(Int16(POLLIN), deadline: deadline, operation: "read")
            let result = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, maximumCount) }
            if result > 0 { return Array(buffer.prefix(result)) }
            if result == 0 { throw SerialError.hangUp(path: path) }
            let code = errno
            if code == EINTR || code == EAGAIN { continue }
            throw SerialError.system("read", errno: code, path: path)
        }
    }

    /// Waits until `events` are ready; maps POLLHUP/POLLERR/POLLNVAL to ``SerialError/hangUp(path:)``.
    private func waitFor(_ events: Int16, deadline: Int64, operation: String) throws(SerialError) {
        let fd = try openDescriptor()
        while true {
            let remaining = deadline - monotonicNanoseconds()
            if remaining <= 0 { throw SerialError.timedOut(operation, path: path) }
            // Round up so a 0.4 ms remainder still waits instead of spinning.
            let milliseconds = Int32(min((remaining + 999_999) / 1_000_000, Int64(Int32.max)))
            var request = pollfd(fd: fd, events: events, revents: 0)
            let ready = Glibc.poll(&request, 1, milliseconds)
            if ready < 0 {
                let code = errno
                if code == EINTR { continue }
                throw SerialError.system("poll", errno: code, path: path)
            }
            if ready == 0 { continue }
            if request.revents & events != 0 { return }
            if request.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                throw SerialError.hangUp(path: path)
            }
        }
    }

    /// Closes the descriptor; later calls throw ``SerialError/closed(path:)``. Safe to call twice.
    package func close() {
        guard descriptor >= 0 else { return }
        // Release exclusive mode first: a tty that stays open elsewhere would keep refusing opens.
        _ = ioctl(descriptor, UInt(TIOCNXCL))
        Glibc.close(descriptor)
        descriptor = -1
    }

    private func openDescriptor() throws(SerialError) -> Int32 {
        guard descriptor >= 0 else { throw SerialError.closed(path: path) }
        return descriptor
    }
}
