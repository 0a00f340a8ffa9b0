import Glibc

/// A failure of a terminal system call, with the call, the file descriptor and errno.
package struct TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    private enum Kind: Hashable, Sendable {
        case notATerminal
        case systemCall
        case closed
    }

    private let kind: Kind
    /// The C call that failed (e.g. `tcsetattr`).
    package let call: String
    /// The file descriptor involved.
    package let fileDescriptor: Int32
    /// The errno the call reported (0 when not applicable).
    package let errno: Int32

    private init(kind: Kind, call: String, fileDescriptor: Int32, errno: Int32) {
        self.kind = kind
        self.call = call
        self.fileDescriptor = fileDescriptor
        self.errno = errno
    }

    /// The file descriptor is not a terminal.
    static func notATerminal(_ fileDescriptor: Int32) -> TerminalError {
        TerminalError(kind: .notATerminal, call: "isatty", fileDescriptor: fileDescriptor, errno: ENOTTY)
    }

    /// A system call failed with `errno`.
    static func systemCall(_ call: String, _ fileDescriptor: Int32, errno: Int32) -> TerminalError {
        TerminalError(kind: .systemCall, call: call, fileDescriptor: fileDescriptor, errno: errno)
    }

    /// The session was already restored.
    static func closed(_ fileDescriptor: Int32) -> TerminalError {
        TerminalError(kind: .closed, call: "present", fileDescriptor: fileDescriptor, errno: 0)
    }

    package var description: String {
        switch kind {
        case .notATerminal:
            return "file descriptor \(fileDescriptor) is not a terminal"
        case .systemCall:
            let reason = String(cString: strerror(errno))
            return "\(call) on file descriptor \(fileDescriptor) failed: \(reason) (errno \(errno))"
        case .closed:
            return "the terminal session on file descriptor \(fileDescriptor) was already restored"
        }
    }
}
