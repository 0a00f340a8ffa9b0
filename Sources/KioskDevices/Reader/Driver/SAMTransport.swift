/// One request/answer exchange with a SAM, whatever carries the bytes (a serial port, the in-process
/// emulator).
package protocol SAMTransport: Sendable {
    /// Sends `command` and waits for its answer.
    ///
    /// Implementations discard stale input first, skip line noise, and never return a frame with a
    /// bad checksum.
    /// - Throws: ``ReaderError`` (device, timeout or protocol).
    func exchange(_ command: SAMCommand, timeout: Duration) async throws -> SAMResponse

    /// Releases the line. Later exchanges fail with a device error.
    func close() async
}

/// Opens a ``SAMTransport``: called again after every device loss.
package protocol SAMConnector: Sendable, CustomStringConvertible {
    /// Opens the line.
    /// - Throws: ``ReaderError`` with category `.device` when the device is absent or unusable.
    func connect() async throws -> any SAMTransport
}
