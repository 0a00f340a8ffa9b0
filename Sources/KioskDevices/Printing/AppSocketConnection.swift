import Glibc

/// A blocking TCP connection to an AppSocket/JetDirect printer (port 9100), used only on a
/// ``BlockingWorker`` thread. Every call has a timeout (poll(2)); EINTR is retried.
final class AppSocketConnection {
    private let descriptor: Int32

    /// Connects to `host:port` (numeric address or name) within `timeoutMilliseconds`.
    init(host: String, port: Int, timeoutMilliseconds: Int32) throws(PrintError) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw PrintError.disconnected("cannot resolve \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var lastErrno: Int32 = 0
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            entry = address.pointee.ai_next
            let fd = socket(address.pointee.ai_family, address.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else {
                lastErrno = errno
                continue
            }
            let flags = fcntl(fd, F_GETFL)
            _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
            if connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0
                || (errno == EINPROGRESS && Self.waitConnected(fd, timeoutMilliseconds))
            {
                descriptor = fd
                return
            }
            lastErrno = errno == 0 ? ETIMEDOUT : errno
            close(fd)
        }
        throw PrintError.system(call: "connect(\(host):\(port))", errno: lastErrno)
    }

    deinit {
        close(descriptor)
    }

    private static func waitConnected(_ fd: Int32, _ timeout: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        var result: Int32
        repeat { result = poll(&entry, 1, timeout) } while result < 0 && errno == EINTR
        guard result == 1 else {
            errno = result == 0 ? ETIMEDOUT : errno
            return false
        }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
        errno = error
        return error == 0
    }

    /// Writes all of `bytes`, waiting at most `timeoutMilliseconds` for the printer to take each chunk.
    func write(_ bytes: [UInt8], timeoutMilliseconds: Int32) throws(PrintError) {
        var offset = 0
        while offset < bytes.count {
            var entry = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&entry, 1, timeoutMilliseconds)
            if ready < 0 && errno == EINTR { continue }
            guard ready == 1 else {
                throw PrintError.system(call: "poll(POLLOUT)", errno: ready == 0 ? ETIMEDOUT : errno)
            }
            let written = bytes[offset...].withUnsafeBytes { buffer in
                send(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw PrintError.system(call: "send", errno: errno)
            }
            offset += written
        }
    }

    /// Reads one byte, or returns `nil` when none arrives within `timeoutMilliseconds` (printers that
    /// do not answer `DLE EOT`).
    func readByte(timeoutMilliseconds: Int32) throws(PrintError) -> UInt8? {
        while true {
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, timeoutMilliseconds)
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 { throw PrintError.system(call: "poll(POLLIN)", errno: errno) }
            if ready == 0 { return nil }
            var byte: UInt8 = 0
            let count = recv(descriptor, &byte, 1, 0)
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if count < 0 { throw PrintError.system(call: "recv", errno: errno) }
            if count == 0 { throw PrintError.disconnected("the printer closed the connection") }
            return byte
        }
    }
}
