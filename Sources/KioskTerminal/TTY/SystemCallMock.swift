import Glibc

/// What a mocked system call does instead of the real one.
enum SystemCallOutcome: Sendable {
    /// Return this (non-negative) result, e.g. the number of bytes "written".
    case result(Int)
    /// Return -1 with this errno.
    case failure(Int32)
}

#if DEBUG
    /// Debug-only interception of the engine's system calls, so tests can script EINTR, EAGAIN and partial writes.
    ///
    /// Task-local, so a test's mock never leaks into other tests running in parallel; calls made from other threads
    /// (the session's reader thread) are never intercepted.
    enum SystemCallMock {
        /// Decides a call's outcome from its name, descriptor and, for `write`, the bytes still to write; nil lets the
        /// real call through.
        typealias Handler =
            @Sendable (_ call: String, _ fd: Int32, _ bytes: UnsafeRawBufferPointer?) -> SystemCallOutcome?

        /// The handler for the current task, if a test installed one.
        @TaskLocal static var handler: Handler?
    }
#endif

/// Runs the mocked outcome of `call` if a test installed one, otherwise `real`.
/// - Returns: the call's result, with `errno` set on failure.
@inline(__always)
func systemCall(_ call: String, _ fd: Int32, bytes: UnsafeRawBufferPointer? = nil, _ real: () -> Int) -> Int {
    #if DEBUG
        if let handler = SystemCallMock.handler, let outcome = handler(call, fd, bytes) {
            switch outcome {
            case .result(let value):
                return value
            case .failure(let code):
                errno = code
                return -1
            }
        }
    #endif
    return real()
}
