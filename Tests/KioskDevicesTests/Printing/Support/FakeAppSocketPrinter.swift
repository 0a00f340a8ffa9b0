import Foundation
import Glibc

/// An in-process AppSocket printer on 127.0.0.1 (random port) for tests: records the bytes of each
/// connection and answers `DLE EOT n` with scripted bytes (no answer for an unscripted n).
final class FakeAppSocketPrinter: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var answers: [UInt8: UInt8]
    private var connections: [[UInt8]] = []
    private var stopped = false

    /// Starts listening; `answers` maps n (1–4) to the status byte returned for `DLE EOT n`.
    init(answers: [UInt8: UInt8]) throws {
        self.answers = answers
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) }
        }
        guard bound == 0, listen(listener, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Changes the scripted answers (e.g. paper runs out).
    func script(_ answers: [UInt8: UInt8]) {
        lock.withLock { self.answers = answers }
    }

    /// The data bytes (status requests removed) of each finished connection.
    var receivedPerConnection: [[UInt8]] {
        lock.withLock { connections }
    }

    /// Stops accepting connections. Only shuts the listener down: the accept thread closes it, so its
    /// descriptor number cannot be reused by another test's socket while that thread still uses it.
    func stop() {
        lock.withLock { stopped = true }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    /// A bound but not listening socket: connecting to its port is refused, and no other test can get
    /// the port while the returned descriptor stays open (close it at the end).
    static func refusingPort() -> (descriptor: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR && !lock.withLock({ stopped }) { continue }
                return
            }
            Thread { [self] in serve(client) }.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var data: [UInt8] = []
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(client, &buffer, buffer.count, 0)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            pending += buffer[..<count]
            var index = 0
            while index < pending.count {
                if pending[index] == 0x10 {
                    guard index + 2 < pending.count else { break }
                    if pending[index + 1] == 0x04 {
                        let n = pending[index + 2]
                        if let answer = lock.withLock({ answers[n] }) {
                            var byte = answer
                            _ = send(client, &byte, 1, Int32(MSG_NOSIGNAL))
                        }
                        index += 3
                        continue
                    }
                }
                data.append(pending[index])
                index += 1
            }
            pending.removeFirst(index)
        }
        lock.withLock { connections.append(data) }
    }
}
