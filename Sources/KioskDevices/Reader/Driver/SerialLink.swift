import Dispatch

/// A ``SAMTransport`` over a ``SerialPort``, doing all blocking I/O on its own serial dispatch queue
/// so no call ever blocks Swift's cooperative thread pool.
///
/// `@unchecked Sendable`: `port` and `decoder` are only touched on `queue`.
package final class SerialLink: SAMTransport, @unchecked Sendable {
    private let queue: DispatchQueue
    private let port: SerialPort
    private var decoder = FrameDecoder()
    /// Bytes written and read since the link was opened (for line-time accounting in benchmarks).
    private var traffic = 0

    private init(queue: DispatchQueue, port: SerialPort) {
        self.queue = queue
        self.port = port
    }

    /// Opens `path` raw 8N1 at `baudRate` (off the cooperative pool).
    /// - Throws: ``ReaderError`` with category `.device`.
    package static func open(path: String, baudRate: BaudRate) async throws -> SerialLink {
        let queue = DispatchQueue(label: "kiosk.serial.\(path)")
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do throws(SerialError) {
                    let port = try SerialPort.open(path: path, baudRate: baudRate)
                    continuation.resume(returning: SerialLink(queue: queue, port: port))
                } catch {
                    continuation.resume(throwing: ReaderError.device(error))
                }
            }
        }
    }

    package func exchange(_ command: SAMCommand, timeout: Duration) async throws -> SAMResponse {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try self.exchangeOnQueue(command, timeout: timeout) })
            }
        }
    }

    /// The number of bytes exchanged so far (requests and answers, including noise).
    package func bytesExchanged() async -> Int {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.traffic) }
        }
    }

    package func close() async {
        await withCheckedContinuation { continuation in
            queue.async {
                self.port.close()
                continuation.resume()
            }
        }
    }

    /// The blocking exchange: flush, write, read until a frame, a bad checksum or the deadline.
    private func exchangeOnQueue(_ command: SAMCommand, timeout: Duration) throws(ReaderError) -> SAMResponse {
        let (seconds, attoseconds) = timeout.components
        let deadline = monotonicNanoseconds() + seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        do {
            try port.discardInput()
            decoder.reset()
            // The answer may be a card's text block: nothing of it stays in the decoder (rule R5).
            defer { decoder.reset() }
            let request = command.encoded
            try port.write(request, deadline: deadline)
            traffic += request.count
            while true {
                let bytes = try port.read(maximumCount: 4096, deadline: deadline)
                traffic += bytes.count
                decoder.append(bytes)
                while let output = decoder.next() {
                    switch output {
                    case .frame(let body):
                        guard let response = SAMResponse(body: body) else { continue }
                        return response
                    case .badChecksum:
                        throw ReaderError.badChecksum(command)
                    case .badLength:
                        continue  // line noise that happened to contain a preamble
                    }
                }
            }
        } catch let error as SerialError {
            if error.isTimeout { throw ReaderError.timeout(command) }
            throw ReaderError.device(error)
        } catch let error as ReaderError {
            throw error
        } catch {
            throw ReaderError.malformed(command, "\(error)")
        }
    }
}

/// Connects to a serial reader at `path`.
package struct SerialConnector: SAMConnector {
    package let path: String
    package let baudRate: BaudRate

    package init(path: String, baudRate: BaudRate = .b115200) {
        self.path = path
        self.baudRate = baudRate
    }

    package func connect() async throws -> any SAMTransport {
        try await SerialLink.open(path: path, baudRate: baudRate)
    }

    package var description: String { "serial \(path) @ \(baudRate)" }
}
