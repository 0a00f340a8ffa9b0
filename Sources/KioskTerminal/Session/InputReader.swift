import Glibc
import Synchronization

/// The body of the session's input thread: polls the terminal and the wake-up pipe, feeds the decoder, resolves
/// escape timeouts, and reports resizes. Ends on a quit byte in the wake-up pipe, end of file or a read error;
/// then releases its share of the wake-up pipe and finishes the event stream.
struct InputReader: Sendable {
    let input: Int32
    let output: Int32
    let wakeup: WakeupPipe
    let escapeTimeout: Duration
    let continuation: AsyncStream<InputEvent>.Continuation
    /// Lets the session update its state; returns the event to deliver, or nil to drop it.
    let handle: @Sendable (InputEvent) -> InputEvent?

    /// Runs until the session is restored or the terminal closes.
    func run() {
        defer {
            wakeup.readerFinished()
            continuation.finish()
        }
        var decoder = InputDecoder(escapeTimeout: escapeTimeout)
        let clock = ContinuousClock()
        let origin = clock.now
        var buffer = [UInt8](repeating: 0, count: 4096)
        var descriptors = [
            pollfd(fd: input, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeup.readEnd, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            var timeout: Int32 = -1
            if let deadline = decoder.deadline {
                let remaining = deadline - origin.duration(to: clock.now)
                timeout = max(
                    0,
                    Int32(
                        clamping: remaining.components.seconds * 1000
                            + remaining.components.attoseconds / 1_000_000_000_000_000 + 1
                    )
                )
            }
            descriptors[0].revents = 0
            descriptors[1].revents = 0
            let ready = poll(&descriptors, 2, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if descriptors[1].revents != 0 {
                let count = read(wakeup.readEnd, &buffer, buffer.count)
                if count > 0 {
                    if buffer[0..<count].contains(UInt8(ascii: "q")) { return }
                    deliver(.resize(.zero))
                }
            }
            if descriptors[0].revents & Int16(POLLIN) != 0 {
                let count = read(input, &buffer, buffer.count)
                if count > 0 {
                    let now = origin.duration(to: clock.now)
                    for event in decoder.feed(buffer[0..<count], now: now) { deliver(event) }
                } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                    return
                }
            } else if descriptors[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                return
            }
            for event in decoder.flush(now: origin.duration(to: clock.now)) { deliver(event) }
        }
    }

    /// Lets the session see `event`, then yields it to the stream.
    private func deliver(_ event: InputEvent) {
        if let event = handle(event) { continuation.yield(event) }
    }
}

/// Shared ownership of the wake-up pipe between the session and its reader thread: both ends stay open until both
/// are done, so neither the quit byte nor the SIGWINCH handler ever writes into a pipe without a reader (SIGPIPE),
/// and no descriptor is closed while the other side may still use it.
final class WakeupPipe: Sendable {
    /// The read end (polled by the reader thread).
    let readEnd: Int32
    /// The write end (SIGWINCH handler and ``TerminalSession/restore()``).
    let writeEnd: Int32
    private let done = Mutex((reader: false, session: false))

    /// Opens the pipe.
    init() throws(TerminalError) {
        (readEnd, writeEnd) = try SystemCalls.pipe()
    }

    /// Called by the reader thread when it leaves.
    func readerFinished() {
        done.withLock { done in
            done.reader = true
            if done.session { closeBoth() }
        }
    }

    /// Called once by the session: wakes the reader with the quit byte if it still runs, then releases the pipe.
    func sessionFinished() {
        done.withLock { done in
            if !done.reader {
                var quit = UInt8(ascii: "q")
                _ = write(writeEnd, &quit, 1)
            }
            done.session = true
            if done.reader { closeBoth() }
        }
    }

    /// Closes both ends (called once, when both sides are done).
    private func closeBoth() {
        close(readEnd)
        close(writeEnd)
    }
}
