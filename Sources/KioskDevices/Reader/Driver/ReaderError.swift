/// A failed exchange with the reader: device, timeout or protocol, with the command involved.
package struct ReaderError: Error, CustomStringConvertible, Sendable {
    /// How the CLI and the service react to the error.
    package enum Category: String, Sendable {
        /// The port cannot be used (unplugged, EIO, cannot open): close, report offline, reopen.
        case device
        /// No (valid) answer before the deadline.
        case timeout
        /// An answer arrived but is wrong: bad checksum, unexpected status, malformed data.
        case `protocol`
    }

    private enum Base: Sendable {
        case device(SerialError)
        case timeout(SAMCommand)
        case badChecksum(SAMCommand)
        case unexpectedStatus(SAMCommand, SAMStatus)
        case malformed(SAMCommand, String)
    }

    private let base: Base

    private init(_ base: Base) { self.base = base }

    /// The serial port failed (open, read, write, hang-up).
    package static func device(_ error: SerialError) -> ReaderError { ReaderError(.device(error)) }
    /// `command` got no answer in time.
    package static func timeout(_ command: SAMCommand) -> ReaderError { ReaderError(.timeout(command)) }
    /// `command`'s answer had a bad XOR checksum.
    package static func badChecksum(_ command: SAMCommand) -> ReaderError { ReaderError(.badChecksum(command)) }
    /// The SAM answered `command` with a status that means failure here.
    package static func unexpectedStatus(_ command: SAMCommand, _ status: SAMStatus) -> ReaderError {
        ReaderError(.unexpectedStatus(command, status))
    }
    /// The answer to `command` was a valid frame with unusable content.
    package static func malformed(_ command: SAMCommand, _ detail: String) -> ReaderError {
        ReaderError(.malformed(command, detail))
    }

    /// The error's category.
    package var category: Category {
        switch base {
        case .device(let error): error.isTimeout ? .timeout : .device
        case .timeout: .timeout
        case .badChecksum, .unexpectedStatus, .malformed: .protocol
        }
    }

    /// The SAM status when the error is an unexpected status.
    package var status: SAMStatus? {
        if case .unexpectedStatus(_, let status) = base { return status }
        return nil
    }

    /// The serial error behind a device error.
    package var serialError: SerialError? {
        if case .device(let error) = base { return error }
        return nil
    }

    package var description: String {
        switch base {
        case .device(let error): "reader device error: \(error)"
        case .timeout(let command): "no answer to \(command) before the deadline"
        case .badChecksum(let command): "answer to \(command) had a bad checksum"
        case .unexpectedStatus(let command, let status): "\(command) failed: \(status)"
        case .malformed(let command, let detail): "answer to \(command) is malformed: \(detail)"
        }
    }
}
