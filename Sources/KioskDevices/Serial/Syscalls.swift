import Glibc

/// Retries `body` while it fails with `EINTR`; returns its result or throws ``SerialError`` naming `call`.
///
/// - Parameters:
///   - call: the C function's name, carried in the error.
///   - path: the device path, carried in the error.
///   - body: the raw call, returning -1 and setting `errno` on failure.
@discardableResult
func retryingOnInterrupt<Result: BinaryInteger>(
    _ call: String, path: String, _ body: () -> Result
) throws(SerialError) -> Result {
    while true {
        let result = body()
        if result != -1 { return result }
        let code = errno
        if code == EINTR { continue }
        throw SerialError.system(call, errno: code, path: path)
    }
}

/// The monotonic clock in nanoseconds (`clock_gettime(CLOCK_MONOTONIC)`), for poll deadlines.
func monotonicNanoseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
}
