import Glibc

/// Thin wrappers over the C calls the engine makes, retrying on EINTR and throwing ``TerminalError``.
/// Every call goes through ``systemCall(_:_:bytes:_:)`` so debug-build tests can script failures.
enum SystemCalls {
    /// `tcgetattr(3)`: the terminal's current attributes.
    static func getAttributes(_ fd: Int32) throws(TerminalError) -> termios {
        var attributes = termios()
        guard isatty(fd) == 1 else { throw .notATerminal(fd) }
        try retrying("tcgetattr", fd) { tcgetattr(fd, &attributes) }
        return attributes
    }

    /// `tcsetattr(3)` with `TCSANOW`.
    static func setAttributes(_ fd: Int32, _ attributes: termios) throws(TerminalError) {
        var copy = attributes
        try retrying("tcsetattr", fd) { tcsetattr(fd, TCSANOW, &copy) }
    }

    /// `cfmakeraw(3)` applied to a copy of `attributes`: no ISIG, ICANON, ECHO, IEXTEN, IXON, no output processing,
    /// 8-bit characters; reads return what is available (VMIN 1, VTIME 0).
    static func raw(_ attributes: termios) -> termios {
        var raw = attributes
        cfmakeraw(&raw)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        return raw
    }

    /// `ioctl(TIOCGWINSZ)`: the terminal's size in cells.
    static func windowSize(_ fd: Int32) throws(TerminalError) -> Size {
        var size = winsize()
        try retrying("ioctl(TIOCGWINSZ)", fd) { ioctl(fd, UInt(TIOCGWINSZ), &size) }
        return Size(width: Int(size.ws_col), height: Int(size.ws_row))
    }

    /// `fcntl(F_GETFL)`.
    static func statusFlags(_ fd: Int32) throws(TerminalError) -> Int32 {
        var flags: Int32 = 0
        try retrying("fcntl(F_GETFL)", fd) {
            flags = fcntl(fd, F_GETFL)
            return flags
        }
        return flags
    }

    /// `fcntl(F_SETFL)`.
    static func setStatusFlags(_ fd: Int32, _ flags: Int32) throws(TerminalError) {
        try retrying("fcntl(F_SETFL)", fd) { fcntl(fd, F_SETFL, flags) }
    }

    /// `pipe(2)` with both ends made close-on-exec and non-blocking: the read and write ends.
    static func pipe() throws(TerminalError) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        try retrying("pipe", -1) { Glibc.pipe(&fds) }
        for fd in fds {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        return (fds[0], fds[1])
    }

    /// Writes all of `bytes` to `fd`, waiting with `poll(2)` while the descriptor would block, for at most
    /// `timeout` milliseconds per wait (-1: forever).
    /// - Returns: the number of bytes written (less than `bytes.count` only when the time ran out).
    static func writeAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>, timeout: Int32) throws(TerminalError) -> Int {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                let remaining = UnsafeRawBufferPointer(rebasing: buffer[written...])
                return systemCall("write", fd, bytes: remaining) {
                    Glibc.write(fd, remaining.baseAddress, remaining.count)
                }
            }
            if result >= 0 {
                written += result
                continue
            }
            let error = Glibc.errno
            if error == EINTR { continue }
            guard error == EAGAIN || error == EWOULDBLOCK else { throw .systemCall("write", fd, errno: error) }
            var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            let ready = systemCall("poll", fd) { Int(Glibc.poll(&descriptor, 1, timeout)) }
            if ready < 0 && Glibc.errno != EINTR { throw .systemCall("poll", fd, errno: Glibc.errno) }
            if ready == 0 { return written }
        }
        return written
    }

    /// Runs `body` until it returns something other than -1 with EINTR; throws on any other -1.
    private static func retrying(_ call: String, _ fd: Int32, _ body: () -> Int32) throws(TerminalError) {
        while true {
            if systemCall(call, fd, { Int(body()) }) != -1 { return }
            let error = Glibc.errno
            if error != EINTR { throw .systemCall(call, fd, errno: error) }
        }
    }
}
